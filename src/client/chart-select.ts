// The place list of a chart (built by chart.ts when a reader first opens "Highlight a country"): a search box and
// a checkbox per place, native controls that work with the keyboard alone. Typing narrows the list (by a place's
// name, or as the data writes it: "SGP"); Enter in the box ticks the first place left; Clear highlights none. Every
// change goes to `change`, which keeps the state.
import type { ChartState } from '../util/chart-state.ts';

/** Fills `details` with the list; returns what sets its checkboxes to a state. */
export function fillSelect(
  details: HTMLDetailsElement,
  id: string,
  places: string[],
  name: (place: string) => string,
  noun: string,
  change: (select: string[]) => void,
) {
  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<HTMLElementTagNameMap[K]> = {},
  ): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);
  const panel = element('div', { className: 'chart-select-panel' });
  const find = element('input', { type: 'search', id: `${id}-find`, autocomplete: 'off', spellcheck: false });
  find.setAttribute('aria-describedby', `${id}-hint`);
  const list = element('fieldset', { className: 'chart-select-list' });
  list.append(element('legend', { className: 'visually-hidden', textContent: `Tick one or more to highlight` }));
  const boxes = places.map((place) => {
    const box = element('input', { type: 'checkbox', value: place });
    const label = element('label');
    label.append(box, ` ${name(place)}`);
    list.append(label);
    return box;
  });
  const clear = element('button', { type: 'button', textContent: 'Clear', className: 'chart-select-clear' });
  panel.append(
    element('label', { htmlFor: find.id, textContent: `Find ${noun}` }),
    find,
    element('p', {
      id: `${id}-hint`,
      className: 'chart-select-hint',
      textContent: 'Type to narrow the list; Enter highlights the first match.',
    }),
    list,
    clear,
  );
  details.append(panel);

  const ticked = () => boxes.filter((b) => b.checked).map((b) => b.value);
  list.addEventListener('change', () => change(ticked()));
  clear.addEventListener('click', () => change([]));
  find.addEventListener('input', () => {
    const words = find.value.trim().toLowerCase();
    for (const box of boxes)
      box.parentElement!.hidden = ![box.value, name(box.value)].some((text) => text.toLowerCase().includes(words));
  });
  find.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = boxes.find((b) => !b.parentElement!.hidden);
    if (!first) return;
    first.checked = !first.checked;
    change(ticked());
  });
  find.focus();
  return (state: ChartState) => boxes.forEach((box) => (box.checked = state.select.includes(box.value)));
}
