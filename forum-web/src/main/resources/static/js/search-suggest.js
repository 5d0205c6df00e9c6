/*
 * Title suggestions under the search box as the member types: a progressive enhancement. Without
 * this script the box is an ordinary search form. It builds elements with textContent only, never
 * HTML from the response, and follows the ARIA combobox pattern (arrows, Enter, Escape).
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-suggest]');
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector('input[name="q"]');
  if (!input) {
    return;
  }

  var DELAY = 150;
  var timer = null;
  var pending = null;
  var options = [];
  var active = -1;

  var list = document.createElement('ul');
  list.id = 'q-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', form.dataset.suggestLabel || '');
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  function close() {
    list.hidden = true;
    list.textContent = '';
    options = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function show(items) {
    close();
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = 'q-suggestion-' + i;
      li.setAttribute('role', 'option');
      var link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.title;
      link.tabIndex = -1;
      li.appendChild(link);
      list.appendChild(li);
      options.push(li);
    });
    if (options.length > 0) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  }

  function highlight(index) {
    options.forEach(function (o, i) {
      o.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    active = index;
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
    }
  }

  function ask() {
    var text = input.value.trim();
    if (text.length === 0) {
      close();
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(form.dataset.suggest + '?q=' + encodeURIComponent(text), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: pending.signal
    }).then(function (response) {
      return response.ok ? response.json() : { items: [] };
    }).then(function (body) {
      if (input.value.trim() === text) {
        show(body.items || []);
      }
    }).catch(function () {
      // a suggestion that does not come is no loss: the form still searches
    });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY);
  });
  input.addEventListener('keydown', function (event) {
    if (list.hidden) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      var step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    }
    else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.href = options[active].querySelector('a').href;
    }
    else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', function () {
    // a click on a suggestion lands before the list goes
    setTimeout(close, 200);
  });
}());
