// bouncedoc: the drop zone. The page works without this script (the form posts and the
// server renders the answer); with it, a file dropped on the zone, or chosen, is sent at once.
(function () {
  'use strict';
  var form = document.getElementById('ask');
  var drop = document.getElementById('drop');
  var input = document.getElementById('file');
  var text = document.getElementById('text');
  var nameOut = document.getElementById('file-name');
  if (!form || !drop || !input) { return; }
  document.documentElement.classList.add('js');

  function send() {
    if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { form.submit(); }
  }

  function chosen() {
    if (!input.files || !input.files.length) { return; }
    var name = input.files[0].name;
    nameOut.textContent = (drop.getAttribute('data-reading') || '{name}').replace('{name}', name);
    drop.classList.add('busy');
    send();
  }

  input.addEventListener('change', chosen);

  function over(e) {
    e.preventDefault();
    if (e.dataTransfer) { e.dataTransfer.dropEffect = 'copy'; }
    drop.classList.add('over');
  }
  function leave() { drop.classList.remove('over'); }
  function dropped(e) {
    e.preventDefault();
    leave();
    var files = e.dataTransfer && e.dataTransfer.files;
    if (!files || !files.length) { return; }
    input.files = files;
    chosen();
  }
  [drop, text].forEach(function (el) {
    if (!el) { return; }
    el.addEventListener('dragenter', over);
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('dragend', leave);
  });
  drop.addEventListener('drop', dropped);
  if (text) {
    // A file dropped on the text area is read as a message too, instead of the browser
    // opening it.
    text.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) { dropped(e); }
    });
    // Ctrl+Enter (or Cmd+Enter) sends.
    text.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); send(); }
    });
  }
  // A file dropped anywhere else must not make the browser leave the page.
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });
})();
