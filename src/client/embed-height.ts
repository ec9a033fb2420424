// Inside /embed/<id>/: posts the height of the content to the host page, on load and on every change of size
// (a narrower frame wraps more text; a view switch redraws). /embed.js on the host sizes the iframe to it.
// It measures the content element, not document.documentElement.scrollHeight, which never falls below the
// frame's own height: a frame could then grow but never shrink.
import { heightMessage, measureMessage } from '../util/embed-messages.ts';

const content = document.querySelector<HTMLElement>('[data-embed-content]');

if (content && window.parent !== window) {
  const id = content.dataset.embedContent;
  let posted = 0;
  const post = (again = false) => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === posted && !again) return;
    posted = height;
    window.parent.postMessage({ type: heightMessage, id, height }, '*'); // the host's origin is not known; a height is no secret
  };
  new ResizeObserver(() => post()).observe(content);
  window.addEventListener('load', () => post(true));
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === measureMessage) post(true);
  });
}
