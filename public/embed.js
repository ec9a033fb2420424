// Supply Lines embeds, host side: sizes each of our chart iframes on the page to the height its content reports.
// Paste it after the iframe (the embed code does); one copy serves every embed on the page. No inline script, no
// dependencies. A message counts only when it comes from the window of one of our iframes (src under
// <this script's folder>/embed/), from our origin, with our type and a sane height; anything else is ignored.
(function () {
  var script = document.currentScript;
  if (!script || !script.src || typeof window.postMessage !== 'function') return;
  var prefix = new URL('embed/', script.src).href;
  var origin = new URL(prefix).origin;
  var flag = 'supplyLinesEmbeds:' + prefix;
  if (window[flag]) return; // a second copy of the script on the same page
  window[flag] = true;

  function ourFrames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), function (frame) {
      return frame.src.indexOf(prefix) === 0;
    });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== 'object' || data.type !== 'supply-lines:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 50 || height > 10000) return;
    var frame = ourFrames().filter(function (f) { return f.contentWindow === event.source; })[0];
    if (!frame) return;
    // Styles set from script are allowed under a strict CSP; style wins over a host's CSS height for iframes.
    frame.style.boxSizing = 'content-box';
    frame.style.border = '0';
    frame.style.height = Math.ceil(height) + 'px';
  });

  // Frames that loaded before this script did have already posted: ask them again.
  ourFrames().forEach(function (frame) {
    // '*': a frame still on about:blank has another origin, and the request carries nothing.
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'supply-lines:measure' }, '*');
  });
})();
