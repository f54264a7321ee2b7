// bouncedoc: the drop zone and the share link. The page works without this script (the
// form posts and the server renders the answer); with it, a file dropped on the zone, or
// chosen, is sent at once, and an answer can be shared as a link that carries the text in
// its fragment (after the #), which browsers never send to a server.
(function () {
  'use strict';
  var form = document.getElementById('ask');
  var text = document.getElementById('text');
  if (!form || !text) { return; }

  function toBase64Url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i += 1) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(t) {
    t = t.replace(/-/g, '+').replace(/_/g, '/');
    while (t.length % 4) { t += '='; }
    var s = atob(t);
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i += 1) { bytes[i] = s.charCodeAt(i); }
    return bytes;
  }
  function through(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream))
      .arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  // The fragment of a text: `z=` and the deflated text in base64url where the browser can
  // compress, else `t=` and the text percent-encoded.
  function encode(value) {
    if (window.CompressionStream) {
      return through(new TextEncoder().encode(value), new CompressionStream('deflate-raw'))
        .then(function (z) { return 'z=' + toBase64Url(z); });
    }
    return Promise.resolve('t=' + encodeURIComponent(value));
  }
  function decode(hash) {
    if (hash.indexOf('#z=') === 0 && window.DecompressionStream) {
      return through(fromBase64Url(hash.slice(3)), new DecompressionStream('deflate-raw'))
        .then(function (b) { return new TextDecoder().decode(b); });
    }
    if (hash.indexOf('#t=') === 0) { return Promise.resolve(decodeURIComponent(hash.slice(3))); }
    return Promise.resolve(null);
  }

  // Opening a shared link: the text goes into the form, which is sent as any paste.
  if (/^#[zt]=/.test(location.hash)) {
    decode(location.hash).then(function (value) {
      if (!value || !value.trim()) { return; }
      text.value = value;
      history.replaceState(null, '', location.pathname + location.search);
      if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { form.submit(); }
    }).catch(function () { /* A damaged link: the empty form stays. */ });
  }

  var share = document.getElementById('share');
  var link = document.getElementById('share-link');
  var note = document.getElementById('share-note');
  if (!share || !link || !note || !text.value.trim()) { return; }
  share.hidden = false;
  share.addEventListener('click', function () {
    encode(text.value).then(function (fragment) {
      var lang = document.documentElement.lang || 'en';
      var url = location.origin + '/?lang=' + encodeURIComponent(lang) + '#' + fragment;
      link.value = url;
      link.hidden = false;
      link.focus();
      link.select();
      var manual = function () { note.textContent = share.getAttribute('data-manual') || ''; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () {
          note.textContent = share.getAttribute('data-copied') || '';
        }, manual);
      } else {
        manual();
      }
    });
  });
})();

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
