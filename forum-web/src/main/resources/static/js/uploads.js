// Images pasted or dropped into a post's text: each is uploaded (POST /uploads, the session twin of
// POST /api/v1/uploads) and its Markdown put where the cursor is. Without JavaScript the form's file field
// and its "Attach image" button do the same.
(function () {
  'use strict';
  var form = document.querySelector('form[data-uploads]');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var text = form.querySelector('textarea[name="body"]');
  var csrf = form.querySelector('input[name="_csrf"]');
  var status = form.querySelector('.upload-status');
  if (!text || !csrf || !status) {
    return;
  }

  function images(list) {
    return Array.prototype.filter.call(list || [], function (file) {
      return file.type.indexOf('image/') === 0;
    });
  }

  function insert(markdown) {
    var start = text.selectionStart, end = text.selectionEnd, value = text.value;
    var before = value.slice(0, start), after = value.slice(end);
    var block = (before && !/\n$/.test(before) ? '\n\n' : '') + markdown + '\n';
    text.value = before + block + after;
    text.selectionStart = text.selectionEnd = before.length + block.length;
    text.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function upload(file) {
    var data = new FormData();
    data.append('file', file, file.name || 'image');
    status.textContent = status.getAttribute('data-uploading');
    return fetch(form.getAttribute('data-upload-url') || '/uploads', {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      headers: { 'X-CSRF-TOKEN': csrf.value, 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    }).then(function (image) {
      insert(image.markdown);
      status.textContent = '';
    }).catch(function () {
      status.textContent = status.getAttribute('data-failed');
    });
  }

  text.addEventListener('paste', function (event) {
    var files = images(event.clipboardData && event.clipboardData.files);
    if (files.length) {
      event.preventDefault();
      files.forEach(upload);
    }
  });
  text.addEventListener('dragover', function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
      event.preventDefault();
    }
  });
  text.addEventListener('drop', function (event) {
    var files = images(event.dataTransfer && event.dataTransfer.files);
    if (files.length) {
      event.preventDefault();
      files.forEach(upload);
    }
  });
})();
