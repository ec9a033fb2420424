// <sl-chart>: reading a build-time chart with mouse, touch and keyboard, and switching its views.
// It only enhances what the HTML already shows; with JavaScript off the chart, notes and table are all there.
// Each drawn view is one tab stop; arrow keys step through its points, Escape hides the tooltip, and a polite
// live region reads each value out. A pointer reads the point under it; on lines and areas, the year (or date)
// nearest it anywhere over the plot, with every series drawn there. The chart's state (its view, the places a
// reader highlights, the year) is kept in the URL hash, in the format src/util/chart-state.ts describes; each change
// a reader makes is a history entry, so back and forward restore it. The place list (chart-select.ts) is built
// when first opened (its code is in this script: one file of a story's scripts fewer weighs less than a chunk
// loaded on first use); views that are all years get a year slider (chart-time.ts).
import { parseStates, type ChartState } from '../util/chart-state.ts';
import { marksOf, nearestPanel, type PointData } from './chart-marks.ts';
import { paintView } from './chart-paint.ts';
import { fillSelect } from './chart-select.ts';
import { timeControl, type TimeControl } from './chart-time.ts';
import { readState, writeState } from './state-url.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Control {
  summary: HTMLElement;
  /** What a place is called here: the place field's name ("a country", "an edition"). */
  noun: string;
  /** What a reader reads for a place: its name where the data writes a code ("SGP": Singapore). */
  name(place: string): string;
  /** Sets the list's checkboxes to a state; there once the list is loaded. */
  sync?: (state: ChartState) => void;
}

class SupplyLinesChart extends HTMLElement {
  #live = document.createElement('p');
  #plots: { element: HTMLElement; data: PointData }[] = [];
  #state: ChartState = { select: [] };
  /** The place list's summary line, and what the highlighted places' figures read ("Australia: 13,000 t in 2024"). */
  #control?: Control;
  #said = Object.assign(document.createElement('p'), { className: 'chart-selected', hidden: true });
  /** The year slider, where the views are years. */
  #time?: TimeControl;

  connectedCallback() {
    if (this.dataset.enhanced !== undefined) return;
    this.dataset.enhanced = '';
    this.#live.className = 'visually-hidden';
    this.#live.setAttribute('aria-live', 'polite');
    this.querySelector('figure')?.append(this.#live);
    for (const plot of this.querySelectorAll<HTMLElement>('.chart-plot')) this.#enhancePlot(plot);
    this.#setUpViews();
    this.#setUpSelect();
    const id = this.dataset.chart ?? '';
    const linked = parseStates(location.hash).get(id);
    this.#apply(linked ?? { select: [] });
    // A link to a state opens it and, as a link to an element would, brings the chart into view.
    if (linked) requestAnimationFrame(() => this.scrollIntoView());
    // A :view link followed, back or forward: the chart follows the address.
    const follow = () => {
      this.#time?.stop();
      this.#apply(parseStates(location.hash).get(id) ?? { select: [] });
    };
    addEventListener('hashchange', follow);
    addEventListener('popstate', follow);
    // Faded marks are found by their geometry: again when the chart's size changes (a layout, a tab shown).
    new ResizeObserver(() => this.#fade()).observe(this);
  }

  /** A reader's change: a history entry, then the chart follows it and the live region says what it shows. */
  #change(state: ChartState, replace = false) {
    // The figure's open tab is figure-tabs.ts's part of the state: kept as the address has it.
    const id = this.dataset.chart ?? '';
    writeState(id, { ...state, tab: readState(id).tab }, replace);
    this.#apply(state);
    const said = this.#said.textContent;
    this.#live.textContent =
      this.querySelector('.chart-time') && state.year
        ? `Year ${state.year}${said ? `. ${said}` : ''}`
        : said || `Nothing highlighted`;
  }

  #apply(state: ChartState) {
    this.#state = state;
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('.chart-views-switch button')];
    const ids = [...this.querySelectorAll<HTMLElement>('.chart-view')].map((v) => v.dataset.view ?? '').filter(Boolean);
    const shown = [state.view, state.year].find((v) => v && ids.includes(v)) ?? ids[0];
    if (shown !== undefined) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.view === shown));
      this.#time?.show(shown);
      // A view the build wrote as paint is drawn, when first shown, from the drawings of the first view beside it.
      for (const { element, data } of this.#plots) {
        const view = element.closest<HTMLElement>('.chart-view');
        const base = view?.parentElement?.querySelector<HTMLElement>(':scope > .chart-view .chart-plot');
        if (data.paint && base && view?.dataset.view === shown) paintView(element, base, data.paint);
      }
      // The Table tab shows the rows of the view on screen (without JavaScript, and on paper, every view's).
      for (const view of this.querySelectorAll<HTMLElement>('.chart-view, .chart-table-view')) {
        view.hidden = view.dataset.view !== shown;
        // The caption's subtitle follows the view (its year, its edition), and the title a view made by `viewsBy`.
        const subtitle = this.querySelector('.chart-subtitle');
        if (!view.hidden && subtitle && view.dataset.subtitle) subtitle.textContent = view.dataset.subtitle;
        const title = this.querySelector('.chart-title');
        if (!view.hidden && title && view.dataset.title) {
          title.textContent = view.dataset.title;
          this.querySelector('.chart-time')?.setAttribute('aria-label', `Year of “${view.dataset.title}”`);
        }
      }
    }
    this.querySelectorAll<HTMLElement>('.chart-tooltip').forEach((t) => (t.hidden = true));
    this.#fade();
    this.#said.textContent = this.#sayings().join('; ');
    this.#said.hidden = !this.#said.textContent;
    if (this.#control) {
      const { summary, noun, name, sync } = this.#control;
      summary.textContent = `Highlight ${noun}${state.select.length ? `: ${state.select.map(name).join(', ')}` : ''}`;
      sync?.(state);
    }
  }

  /** The plot of the view on screen. */
  #shownPlot() {
    return this.#plots.find(({ element }) => !element.closest<HTMLElement>('.chart-view')?.hidden);
  }

  /** Per highlighted place, what its point says: at the state's year, else its latest. */
  #sayings(only?: number[]): string[] {
    const select = this.#shownPlot()?.data.select;
    if (!select) return [];
    const { places, says, years } = select;
    return this.#state.select.flatMap((place) => {
      const mine = places.map((p, i) => (p === place ? i : -1)).filter((i) => i >= 0 && (!only || only.includes(i)));
      if (only) return mine.map((i) => says[i]);
      const at =
        mine.find((i) => years[i] === this.#state.year) ??
        mine.reduce((a, b) => (years[b] >= years[a] ? b : a), mine[0]);
      return at === undefined ? [`${select.names?.[place] ?? place}: not drawn in this view`] : [says[at]];
    });
  }

  /** The marks of places not highlighted fade (a mark two places share stays if either is); with none, all are alike. */
  #fade() {
    const chosen = new Set(this.#state.select);
    // With none chosen, nothing is worked out: finding each mark's places reads the drawing's geometry, the
    // costliest thing this script does, and no page should pay for it before a reader highlights a place.
    if (!chosen.size)
      return this.querySelectorAll('.chart-faded').forEach((mark) => mark.classList.remove('chart-faded'));
    for (const { element, data } of this.#plots) {
      for (const drawing of element.querySelectorAll<HTMLElement>('.chart-drawing')) {
        for (const [mark, places] of marksOf(drawing, data) ?? [])
          mark.classList.toggle('chart-faded', chosen.size > 0 && !places.some((p) => chosen.has(p)));
      }
    }
  }

  /** The place list: its summary now, its search box and checkboxes (chart-select.ts) built when first opened. */
  #setUpSelect() {
    const field = this.#plots.find((p) => p.data.select)?.data.select?.field;
    if (!field) return;
    const names: Record<string, string> = Object.assign({}, ...this.#plots.map((p) => p.data.select?.names));
    const name = (place: string) => names[place] ?? place;
    const places = [...new Set(this.#plots.flatMap((p) => p.data.select?.places ?? []))].sort((a, b) =>
      name(a).localeCompare(name(b)),
    );
    // Two places (China and the rest of the world, two lines of a slope) are both in view and named in the key: a list
    // to pick from would cost a row and answer nothing. A :view link can still highlight either.
    if (places.length < 3) return;
    const details = Object.assign(document.createElement('details'), { className: 'chart-select' });
    const summary = details.appendChild(document.createElement('summary'));
    // The field's words, as the table's column head has them: "partnerYear" and "partner_year" are "partner year".
    const noun = field
      .replace(/_/g, ' ')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase();
    const control: Control = { summary, noun: `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`, name };
    this.#control = control;
    details.addEventListener('toggle', () => {
      if (!details.open || control.sync) return;
      control.sync = fillSelect(details, `${this.dataset.chart}-select`, places, name, control.noun, (select) =>
        this.#change({ ...this.#state, select }),
      );
      control.sync(this.#state);
    });
    (this.querySelector('.chart-views-switch, .chart-time') ?? this.querySelector('.chart-head'))?.after(
      details,
      this.#said,
    );
  }

  #enhancePlot(plot: HTMLElement) {
    const data = JSON.parse(plot.querySelector('script.chart-points')?.textContent || '{}') as PointData;
    if (!data.texts?.length) return;
    this.#plots.push({ element: plot, data });
    const title = this.querySelector('.chart-title')?.textContent ?? 'Chart';
    plot.tabIndex = 0;
    plot.setAttribute('role', 'group');
    plot.setAttribute('aria-label', `${title}. ${data.texts.length} points: use the arrow keys to read them`);
    const tooltip = document.createElement('div');
    tooltip.className = 'chart-tooltip';
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.hidden = true;
    plot.append(tooltip);
    let active = -1;
    // The drawing on screen: the wide or the narrow one, whichever the layout shows.
    const current = () => {
      const drawing = [...plot.querySelectorAll<HTMLElement>('.chart-drawing')].find((d) => d.offsetParent !== null);
      const svg = drawing?.querySelector('svg');
      const layout = drawing?.dataset.layout ?? '';
      const points = data.drawings[layout];
      return drawing && svg && points
        ? {
            svg,
            points,
            frame: data.frames?.[layout],
            panels: data.panels?.[layout],
            scale: svg.getBoundingClientRect().width / Number(drawing.dataset.width),
          }
        : undefined;
    };
    const mark = (svg: SVGSVGElement, name: string, attributes: Record<string, number | string>) => {
      const element = svg.appendChild(document.createElementNS(SVG_NS, name));
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    };

    /** Shows `text` above the highest of the points `indices`, each with a focus ring, and a rule at their x. */
    const show = (indices: number[], text: string, announcement?: string) => {
      const view = current();
      const xys = indices.map((i) => view?.points[i]).filter((xy) => xy !== undefined);
      if (!view || !xys.length) return;
      hide();
      active = indices[0];
      // With places highlighted, their figures of the same year are read beside the point's own.
      const year = data.select?.years[indices[0]];
      const others = data.select?.years
        .map((y, i) => (y === year && !indices.includes(i) ? i : -1))
        .filter((i) => i >= 0);
      const [first, ...rest] = [...text.split('; '), ...this.#sayings(others ?? [])];
      const strong = document.createElement('strong');
      strong.textContent = first;
      tooltip.replaceChildren(
        strong,
        ...rest.map((line) => Object.assign(document.createElement('span'), { textContent: line })),
      );
      tooltip.hidden = false;
      // Above the point, kept inside the chart's box; below it when there is no room above.
      const [px, py] = xys.reduce((a, b) => (b[1] < a[1] ? b : a));
      const box = view.svg.getBoundingClientRect();
      const host = plot.getBoundingClientRect();
      const x = px * view.scale + box.left - host.left;
      const y = py * view.scale + box.top - host.top;
      const width = tooltip.offsetWidth;
      const height = tooltip.offsetHeight;
      tooltip.style.left = `${Math.min(Math.max(x - width / 2, 0), Math.max(0, host.width - width))}px`;
      const above = y - height - 12;
      tooltip.style.top = `${host.top + above >= 4 ? above : y + 14}px`;
      // The rule spans the frame of the point's own facet, in small multiples.
      const facet = data.panel && view.panels?.[data.panel[indices[0]]];
      const frame = facet ? [facet[1], facet[3]] : view.frame;
      if (frame) mark(view.svg, 'line', { class: 'chart-focus-rule', x1: px, x2: px, y1: frame[0], y2: frame[1] });
      for (const [cx, cy] of xys) mark(view.svg, 'circle', { class: 'chart-focus', cx, cy, r: 9 });
      if (announcement) this.#live.textContent = announcement;
    };
    const showPoint = (index: number) =>
      show([index], data.texts[index], `${index + 1} of ${data.texts.length}: ${data.texts[index]}`);
    const hide = () => {
      tooltip.hidden = true;
      plot.querySelectorAll('.chart-focus, .chart-focus-rule').forEach((element) => element.remove());
    };
    const point = (event: PointerEvent) => {
      const view = current();
      if (!view) return;
      const rect = view.svg.getBoundingClientRect();
      const px = (event.clientX - rect.left) / view.scale;
      const py = (event.clientY - rect.top) / view.scale;
      // Lines and areas: the nearest x wins wherever the pointer is, as Plot's pointerX does; the others look
      // within 30 px, by row, by column or by distance.
      const { hit, xGroup, xTexts } = data;
      // A map: the place whose outline or symbol is under the pointer; elsewhere, the nearest point as for dots.
      const under =
        hit === 'region' ? (event.target as Element).closest?.('[data-point]')?.getAttribute('data-point') : undefined;
      let best = under ? Number(under) : -1;
      let bestDistance = hit === 'nearest-x' ? Infinity : 30 ** 2;
      // Small multiples: only the points of the facet under the pointer (or nearest it).
      const facet = view.panels && nearestPanel(view.panels, px, py);
      if (best < 0) {
        view.points.forEach(([x, y], i) => {
          if (facet !== undefined && data.panel?.[i] !== facet) return;
          const d =
            hit === 'y'
              ? (y - py) ** 2
              : hit === 'x' || hit === 'nearest-x'
                ? (x - px) ** 2
                : (x - px) ** 2 + (y - py) ** 2;
          if (d < bestDistance) [best, bestDistance] = [i, d];
        });
      }
      const touch = event.pointerType !== 'mouse';
      if (best < 0) hide();
      else if (xGroup && xTexts) {
        const at = xGroup[best];
        show(
          view.points.map((_, i) => i).filter((i) => xGroup[i] === at),
          xTexts[at],
          touch ? xTexts[at] : undefined,
        );
      } else if (touch) showPoint(best);
      else show([best], data.texts[best]);
    };

    plot.addEventListener('pointermove', point);
    plot.addEventListener('pointerdown', point);
    // A finger lifting also "leaves": a tapped value stays until the next tap or until focus moves on.
    plot.addEventListener('pointerleave', (event) => event.pointerType === 'mouse' && hide());
    plot.addEventListener('blur', hide);
    plot.addEventListener('keydown', (event) => {
      const last = data.texts.length - 1;
      if (event.key === 'Escape') {
        if (!tooltip.hidden) event.preventDefault();
        hide();
        return;
      }
      const next: Record<string, number> = {
        ArrowRight: active + 1,
        ArrowDown: active + 1,
        ArrowLeft: active - 1,
        ArrowUp: active - 1,
        Home: 0,
        End: last,
      };
      if (!(event.key in next)) return;
      event.preventDefault();
      showPoint(active < 0 && event.key !== 'End' ? 0 : Math.min(Math.max(next[event.key], 0), last));
    });
  }

  #setUpViews() {
    const time = this.querySelector<HTMLElement>('.chart-time');
    if (time) {
      this.#time = timeControl(time, (year, replace) =>
        this.#change({ ...this.#state, view: undefined, year }, replace),
      );
      return;
    }
    const switcher = this.querySelector<HTMLElement>('.chart-views-switch');
    if (!switcher) return;
    switcher.hidden = false;
    for (const button of switcher.querySelectorAll<HTMLButtonElement>('button')) {
      button.addEventListener('click', () =>
        this.#change({ ...this.#state, view: button.dataset.view, year: undefined }),
      );
    }
  }
}

if (!customElements.get('sl-chart')) customElements.define('sl-chart', SupplyLinesChart);
