// <sl-chart>: reading a build-time chart with mouse, touch and keyboard, and switching its views.
// It only enhances what the HTML already shows; with JavaScript off the chart, notes and table are all there.
// Each drawn view is one tab stop; arrow keys step through its points, Escape hides the tooltip, and a polite
// live region reads each value out. A pointer reads the point under it; on lines and areas, the year (or date)
// nearest it anywhere over the plot, with every series drawn there. The choice of view is kept in the URL hash:
// #<chart-id>=<view-id>.

interface PointData {
  texts: string[];
  /**
   * How a pointer finds its point: by row (horizontal bars), by column (vertical bars), by distance (dots, cells),
   * or, on lines and areas, the nearest x anywhere over the plot, read with every series at that x; on maps, the
   * place under the pointer (its outline or symbol names its point), else the nearest point by distance.
   */
  hit: 'x' | 'y' | 'xy' | 'nearest-x' | 'region';
  drawings: Record<string, [number, number][]>;
  /** nearest-x: each point's index among `xTexts`, the texts that read every series at one x. */
  xGroup?: number[];
  xTexts?: string[];
  /** nearest-x: the top and bottom of each drawing's plotting frame, where the rule at the pointer's x goes. */
  frames?: Record<string, [number, number]>;
  /** Small multiples: each point's facet, and each facet's frame (x0, y0, x1, y1) per drawing. */
  panel?: number[];
  panels?: Record<string, [number, number, number, number][]>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The facet whose frame holds a point, or the nearest one to it. */
function nearestPanel(panels: [number, number, number, number][], px: number, py: number): number {
  const distance = ([x0, y0, x1, y1]: [number, number, number, number]) => Math.hypot(Math.max(x0 - px, 0, px - x1), Math.max(y0 - py, 0, py - y1));
  return panels.reduce((best, panel, i) => (distance(panel) < distance(panels[best]) ? i : best), 0);
}

class SupplyLinesChart extends HTMLElement {
  #live = document.createElement('p');

  connectedCallback() {
    if (this.dataset.enhanced !== undefined) return;
    this.dataset.enhanced = '';
    this.#live.className = 'visually-hidden';
    this.#live.setAttribute('aria-live', 'polite');
    this.querySelector('figure')?.append(this.#live);
    for (const plot of this.querySelectorAll<HTMLElement>('.chart-plot')) this.#enhancePlot(plot);
    this.#setUpViews();
  }

  #enhancePlot(plot: HTMLElement) {
    const data = JSON.parse(plot.querySelector('script.chart-points')?.textContent || '{}') as PointData;
    if (!data.texts?.length) return;
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
      return drawing && svg && points ? { svg, points, frame: data.frames?.[layout], panels: data.panels?.[layout], scale: svg.getBoundingClientRect().width / Number(drawing.dataset.width) } : undefined;
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
      const [first, ...rest] = text.split('; ');
      const strong = document.createElement('strong');
      strong.textContent = first;
      tooltip.replaceChildren(strong, ...rest.map((line) => Object.assign(document.createElement('span'), { textContent: line })));
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
    const showPoint = (index: number) => show([index], data.texts[index], `${index + 1} of ${data.texts.length}: ${data.texts[index]}`);
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
      const under = hit === 'region' ? (event.target as Element).closest?.('[data-point]')?.getAttribute('data-point') : undefined;
      let best = under ? Number(under) : -1;
      let bestDistance = hit === 'nearest-x' ? Infinity : 30 ** 2;
      // Small multiples: only the points of the facet under the pointer (or nearest it).
      const facet = view.panels && nearestPanel(view.panels, px, py);
      if (best < 0) {
        view.points.forEach(([x, y], i) => {
          if (facet !== undefined && data.panel?.[i] !== facet) return;
          const d = hit === 'y' ? (y - py) ** 2 : hit === 'x' || hit === 'nearest-x' ? (x - px) ** 2 : (x - px) ** 2 + (y - py) ** 2;
          if (d < bestDistance) [best, bestDistance] = [i, d];
        });
      }
      const touch = event.pointerType !== 'mouse';
      if (best < 0) hide();
      else if (xGroup && xTexts) {
        const at = xGroup[best];
        show(view.points.map((_, i) => i).filter((i) => xGroup[i] === at), xTexts[at], touch ? xTexts[at] : undefined);
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
    const switcher = this.querySelector<HTMLElement>('.chart-views-switch');
    if (!switcher) return;
    switcher.hidden = false;
    const buttons = [...switcher.querySelectorAll<HTMLButtonElement>('button')];
    const select = (id: string, updateHash: boolean) => {
      if (!buttons.some((b) => b.dataset.view === id)) return false;
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.view === id));
      for (const view of this.querySelectorAll<HTMLElement>('.chart-view')) {
        view.hidden = view.dataset.view !== id;
        // The caption's subtitle follows the view (its year, its edition).
        const subtitle = this.querySelector('.chart-subtitle');
        if (!view.hidden && subtitle && view.dataset.subtitle) subtitle.textContent = view.dataset.subtitle;
      }
      this.querySelectorAll<HTMLElement>('.chart-tooltip').forEach((t) => (t.hidden = true));
      if (updateHash) history.replaceState(null, '', `#${this.dataset.chart}=${id}`);
      return true;
    };
    for (const button of buttons) button.addEventListener('click', () => select(button.dataset.view ?? '', true));
    const fromHash = () => {
      const [chart, view] = decodeURIComponent(location.hash.slice(1)).split('=');
      return chart === this.dataset.chart ? view : undefined;
    };
    const linked = fromHash();
    // A link to a view opens it and, as a link to an element would, brings the chart into view.
    if (linked && select(linked, false)) requestAnimationFrame(() => this.scrollIntoView());
    else select(buttons[0].dataset.view ?? '', false);
    addEventListener('hashchange', () => {
      const view = fromHash();
      if (view) select(view, false);
    });
  }
}

if (!customElements.get('sl-chart')) customElements.define('sl-chart', SupplyLinesChart);
