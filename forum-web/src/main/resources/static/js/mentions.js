/*
 * Completes an @name while a post is typed: a progressive enhancement of the reply form. Without this
 * script members type the whole name, and the server links it all the same. It asks the forum for
 * names beginning with what follows the @ and offers them in a list under the text; a click, or the
 * arrow keys and Enter, puts the chosen name in. It only builds elements with textContent, never HTML
 * from the response. Its words (the list's label) come from the page, in the reader's language.
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-mentions]');
  if (!form || !window.fetch) {
    return;
  }
  var text = form.querySelector('textarea');
  var list = form.querySelector('.mention-suggestions');
  if (!text || !list) {
    return;
  }

  var DELAY = 200;
  // an @ at the start or after anything but a Latin letter, digit or an address's marks, as the server reads it
  var TYPED = /(?:^|[^A-Za-z0-9_.@\/+-])@([\p{L}\p{N}_.-]{1,32})$/u;
  var timer = null;
  var asked = null;
  var typed = null;
  var active = -1;

  function close() {
    list.hidden = true;
    active = -1;
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    text.removeAttribute('aria-activedescendant');
  }

  /** The @name being typed just before the caret, or null. */
  function current() {
    if (text.selectionStart !== text.selectionEnd) {
      return null;
    }
    var match = TYPED.exec(text.value.slice(0, text.selectionStart));
    return match ? { prefix: match[1], end: text.selectionStart, start: text.selectionStart - match[1].length } : null;
  }

  function choose(username) {
    if (!typed) {
      return;
    }
    var before = text.value.slice(0, typed.start);
    var after = text.value.slice(typed.end);
    text.value = before + username + ' ' + after;
    var caret = before.length + username.length + 1;
    text.setSelectionRange(caret, caret);
    close();
    text.focus();
  }

  function highlight(index) {
    var options = list.querySelectorAll('[role=option]');
    if (!options.length) {
      return;
    }
    active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute('aria-selected', i === active ? 'true' : 'false');
    });
    text.setAttribute('aria-activedescendant', options[active].id);
  }

  function render(items) {
    close();
    if (!items.length) {
      return;
    }
    items.forEach(function (item, i) {
      var option = document.createElement('li');
      option.id = 'mention-option-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.username = item.username;
      option.textContent = '@' + item.username;
      // mousedown, not click: the text keeps its focus and caret until the name is put in
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(item.username);
      });
      list.appendChild(option);
    });
    list.hidden = false;
  }

  function ask() {
    typed = current();
    if (!typed) {
      close();
      return;
    }
    var prefix = typed.prefix;
    asked = prefix;
    fetch('/api/v1/members/suggestions?prefix=' + encodeURIComponent(prefix), {
      headers: { Accept: 'application/json' },
      credentials: 'omit'
    }).then(function (response) {
      return response.ok ? response.json() : { items: [] };
    }).then(function (body) {
      // an answer to an earlier prefix is stale once the member typed on
      if (asked === prefix) {
        render(body.items || []);
      }
    }).catch(close);
  }

  text.setAttribute('aria-autocomplete', 'list');
  // a textbox takes no aria-expanded: the list it controls says by being shown whether it is open
  text.setAttribute('aria-controls', list.id);

  text.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY);
  });

  text.addEventListener('keydown', function (event) {
    if (list.hidden) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    }
    else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
      event.preventDefault();
      choose(list.querySelectorAll('[role=option]')[active].dataset.username);
    }
    else if (event.key === 'Escape') {
      close();
    }
  });

  text.addEventListener('blur', function () {
    setTimeout(close, 150);
  });
}());
