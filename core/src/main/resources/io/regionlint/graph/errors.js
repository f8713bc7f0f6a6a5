/* regionlint: shows script errors on the page itself (a headless test reads them from the DOM). */
(function () {
  function show(text) {
    document.documentElement.setAttribute('data-rl-ready', 'error');
    var box = document.getElementById('rl-errors');
    if (!box) { window.__rlPending = (window.__rlPending || []).concat([text]); return; }
    box.hidden = false;
    var line = document.createElement('div');
    line.className = 'rl-error';
    line.textContent = 'Script error: ' + text;
    box.appendChild(line);
  }
  window.__rlError = show;
  window.addEventListener('error', function (e) {
    show((e.message || 'unknown error') + (e.lineno ? ' (line ' + e.lineno + ')' : ''));
  });
  window.addEventListener('unhandledrejection', function (e) { show(String(e.reason)); });
})();
