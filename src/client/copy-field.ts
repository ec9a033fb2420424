// <sl-copy-field>: shows the Copy button of a read-only field (CopyField.astro) and copies its text.
// Without JavaScript the field is still there to select and copy by hand.

class CopyField extends HTMLElement {
  connectedCallback() {
    const field = this.querySelector('textarea');
    const button = this.querySelector('button');
    const status = this.querySelector('.copy-status');
    if (!field || !button || !status || this.dataset.enhanced !== undefined) return;
    this.dataset.enhanced = '';
    button.hidden = false;
    button.setAttribute('aria-describedby', field.id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const say = (text: string) => {
      status.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => (status.textContent = ''), 5000);
    };
    field.addEventListener('focus', () => field.select());
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        say('Copied');
      } catch {
        // No clipboard access (an old browser, or permission refused): select the text for a manual copy.
        field.focus();
        field.select();
        say('Selected: press Ctrl+C (⌘C on a Mac) to copy');
      }
    });
  }
}

if (!customElements.get('sl-copy-field')) customElements.define('sl-copy-field', CopyField);
