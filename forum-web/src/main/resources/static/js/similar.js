/*
 * Similar petitions while a title is typed: a progressive enhancement of the petition form.
 * Without this script the "Check for similar petitions" button does the same on the server.
 * It only builds elements with textContent, never HTML from the response. Its words come from the
 * page, in the reader's language: the box's data attributes and the status badges in its template.
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

  var words = box.dataset;
  var badges = box.querySelector('template.similar-badges');
  var numbers = window.Intl ? new Intl.NumberFormat(document.documentElement.lang || undefined) : null;

  function cssClass(status) {
    return 'status-' + String(status || '').toLowerCase().replace(/_/g, '-');
  }

  /** The page's own badge for a status, as the server renders it. */
  function badge(status) {
    var found = badges && badges.content.querySelector('.' + cssClass(status));
    return found ? found.cloneNode(true) : el('span', 'badge status-badge');
  }

  function votes(count) {
    if (count === 1) {
      return words.voteOne || '';
    }
    return (words.votes || '').replace('{n}', numbers ? numbers.format(count) : String(count));
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
    Array.prototype.slice.call(box.childNodes).forEach(function (node) {
      if (node !== badges) {
        box.removeChild(node);
      }
    });
    if (!items.length) {
      return;
    }
    var hint = el('p', 'similar-hint');
    hint.appendChild(el('strong', null, words.hint || ''));
    hint.appendChild(document.createTextNode(' '));
    hint.appendChild(el('span', null, words.hintMore || ''));
    box.appendChild(hint);
    var list = el('ul', 'similar-list');
    items.forEach(function (item) {
      var row = el('li');
      row.appendChild(badge(item.status));
      row.appendChild(document.createTextNode(' '));
      var link = el('a');
      link.href = '/petitions/' + encodeURIComponent(item.id);
      link.target = '_blank';
      link.rel = 'noopener';
      link.appendChild(el('span', null, item.title));
      link.appendChild(el('span', 'visually-hidden', words.newTab || ''));
      row.appendChild(link);
      row.appendChild(document.createTextNode(' '));
      row.appendChild(el('span', 'similar-votes', votes(item.votes)));
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
