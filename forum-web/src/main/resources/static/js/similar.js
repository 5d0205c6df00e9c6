/*
 * Similar petitions while a title is typed: a progressive enhancement of the petition form.
 * Without this script the "Check for similar petitions" button does the same on the server.
 * It only builds elements with textContent, never HTML from the response.
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-similar]');
  if (!form || !window.fetch) {
    return;
  }
  var title = form.querySelector('#title');
  var box = form.querySelector('#similar');
  if (!title || !box) {
    return;
  }

  var DELAY = 350;
  var MIN_LENGTH = 4;
  var timer = null;
  var pending = null;
  var lastAsked = title.value.trim();

  function label(status) {
    var words = String(status || '').toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function cssClass(status) {
    return 'status-' + String(status || '').toLowerCase().replace(/_/g, '-');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function render(items) {
    box.textContent = '';
    if (!items.length) {
      return;
    }
    var hint = el('p', 'similar-hint');
    hint.appendChild(el('strong', null, 'Back an existing petition instead of filing a duplicate.'));
    hint.appendChild(document.createTextNode(' These look alike — open one, and vote for it if it asks for the same thing:'));
    box.appendChild(hint);
    var list = el('ul', 'similar-list');
    items.forEach(function (item) {
      var row = el('li');
      row.appendChild(el('span', 'badge status-badge ' + cssClass(item.status), label(item.status)));
      row.appendChild(document.createTextNode(' '));
      var link = el('a');
      link.href = '/petitions/' + encodeURIComponent(item.id);
      link.target = '_blank';
      link.rel = 'noopener';
      link.appendChild(el('span', null, item.title));
      link.appendChild(el('span', 'visually-hidden', ' (opens in a new tab)'));
      row.appendChild(link);
      row.appendChild(document.createTextNode(' '));
      row.appendChild(el('span', 'similar-votes', item.votes === 1 ? '1 vote' : item.votes + ' votes'));
      list.appendChild(row);
    });
    box.appendChild(list);
  }

  function ask() {
    var text = title.value.trim();
    if (text === lastAsked) {
      return;
    }
    lastAsked = text;
    if (pending) {
      pending.abort();
      pending = null;
    }
    if (text.length < MIN_LENGTH) {
      render([]);
      return;
    }
    var controller = window.AbortController ? new AbortController() : null;
    pending = controller;
    fetch('/api/v1/petitions/similar?limit=5&title=' + encodeURIComponent(text.slice(0, 150)), {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (body) {
      if (title.value.trim() === text) {
        render(Array.isArray(body.items) ? body.items : []);
      }
    }).catch(function () {
      // search is unavailable or the request was superseded: keep quiet, the form still works
    });
  }

  title.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, DELAY);
  });
})();
