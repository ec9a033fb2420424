// /embed/<id>/?theme=light|dark forces a colour scheme (the stylesheet reads <html data-theme>); without it the
// embed follows prefers-color-scheme. A blocking script in <head>, so the frame never paints in the wrong scheme.
(function () {
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
})();
