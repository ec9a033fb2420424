// Claims marked in an article's text link to their note in "Claims checked" at the end (that works without
// JavaScript). With it, activating a claim opens the note beside it instead: its status, what the data says and a
// link to the chart. Escape, the close button or a click elsewhere closes it and focus returns to the claim.

// A module (an Astro <script> imports it), not a global script: its names, `opener` among them, are its own.
export {};

let popover: HTMLElement | undefined;
let opener: HTMLAnchorElement | undefined;

function close(returnFocus: boolean) {
  if (!popover || popover.hidden) return;
  popover.hidden = true;
  opener?.setAttribute('aria-expanded', 'false');
  if (returnFocus) opener?.focus();
}

function open(claim: HTMLAnchorElement) {
  const note = document.getElementById(claim.hash.slice(1));
  if (!note) return false;
  if (!popover) {
    popover = document.createElement('div');
    popover.id = 'claim-popover';
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-labelledby', 'claim-popover-title');
    popover.tabIndex = -1;
    document.body.append(popover);
    popover.addEventListener('click', (event) => {
      const target = event.target as Element;
      if (target.closest('.claim-close')) close(true);
      else if (target.closest('a')) close(false);
    });
  }
  const button = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'claim-close',
    textContent: '×',
  });
  button.setAttribute('aria-label', 'Close');
  const parts = [...note.querySelectorAll('.claim-head, .claim-note, .claim-links')].map(
    (part) => part.cloneNode(true) as HTMLElement,
  );
  parts[0].id = 'claim-popover-title';
  parts[parts.length - 1]
    .querySelector('.claim-back')
    ?.replaceWith(Object.assign(document.createElement('a'), { href: claim.hash, textContent: 'All claims checked' }));
  popover.replaceChildren(button, ...parts);
  popover.className = `claim-popover ${[...note.classList].join(' ')}`;
  popover.hidden = false;
  // Under the claim, inside the viewport.
  const rect = claim.getBoundingClientRect();
  const width = popover.offsetWidth;
  popover.style.left = `${scrollX + Math.min(Math.max(8, rect.left), document.documentElement.clientWidth - width - 8)}px`;
  popover.style.top = `${scrollY + rect.bottom + 6}px`;
  opener?.setAttribute('aria-expanded', 'false');
  opener = claim;
  claim.setAttribute('aria-expanded', 'true');
  popover.focus();
  return true;
}

for (const claim of document.querySelectorAll<HTMLAnchorElement>('a.claim')) {
  claim.setAttribute('aria-haspopup', 'dialog');
  claim.setAttribute('aria-expanded', 'false');
  claim.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (opener === claim && popover && !popover.hidden) {
      event.preventDefault();
      close(true);
    } else if (open(claim)) event.preventDefault();
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && popover && !popover.hidden) close(true);
});
document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (popover && !popover.hidden && !popover.contains(target) && !target.closest('a.claim')) close(false);
});
document.addEventListener('focusin', (event) => {
  const target = event.target as Element;
  if (popover && !popover.hidden && !popover.contains(target) && target !== opener) close(false);
});
