// <sl-chart>: reading a build-time chart with mouse, touch and keyboard, and switching its views.
// It only enhances what the HTML already shows; with JavaScript off the chart, notes and table are all there.
// Each drawn view is one tab stop; arrow keys step through its points, Escape hides the tooltip, and a polite
// live region reads each value out. The choice of view is kept in the URL hash: #<chart-id>=<view-id>.

interface PointData {
  texts: string[];
  /** How a pointer finds its point: by row (horizontal bars), by column (vertical bars), or by distance. */
  hit: 'x' | 'y' | 'xy';
  drawings: Record<string, [number, number][]>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

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
      const points = drawing && data.drawings[drawing.dataset.layout ?? ''];
      return drawing && svg && points ? { svg, points, scale: svg.getBoundingClientRect().width / Number(drawing.dataset.width) } : undefined;
    };

    const show = (index: number, announce: boolean) => {
      const view = current();
      const xy = view?.points[index];
      if (!view || !xy) return;
      active = index;
      const [first, ...rest] = data.texts[index].split('; ');
      const strong = document.createElement('strong');
      strong.textContent = first;
      tooltip.replaceChildren(strong, ...rest.map((line) => Object.assign(document.createElement('span'), { textContent: line })));
      tooltip.hidden = false;
      // Above the point, kept inside the chart's box; below it when there is no room above.
      const box = view.svg.getBoundingClientRect();
      const host = plot.getBoundingClientRect();
      const x = xy[0] * view.scale + box.left - host.left;
      const y = xy[1] * view.scale + box.top - host.top;
      const width = tooltip.offsetWidth;
      const height = tooltip.offsetHeight;
      tooltip.style.left = `${Math.min(Math.max(x - width / 2, 0), Math.max(0, host.width - width))}px`;
      const above = y - height - 12;
      tooltip.style.top = `${host.top + above >= 4 ? above : y + 14}px`;
      let ring = view.svg.querySelector<SVGCircleElement>('.chart-focus');
      if (!ring) {
        ring = document.createElementNS(SVG_NS, 'circle') as SVGCircleElement;
        ring.setAttribute('class', 'chart-focus');
        ring.setAttribute('r', '9');
        view.svg.append(ring);
      }
      ring.setAttribute('cx', String(xy[0]));
      ring.setAttribute('cy', String(xy[1]));
      if (announce) this.#live.textContent = `${index + 1} of ${data.texts.length}: ${data.texts[index]}`;
    };
    const hide = () => {
      tooltip.hidden = true;
      plot.querySelectorAll('.chart-focus').forEach((ring) => ring.remove());
    };
    const nearest = (event: PointerEvent) => {
      const view = current();
      if (!view) return -1;
      const rect = view.svg.getBoundingClientRect();
      const px = (event.clientX - rect.left) / view.scale;
      const py = (event.clientY - rect.top) / view.scale;
      let best = -1;
      let bestDistance = 30 ** 2;
      view.points.forEach(([x, y], i) => {
        const d = data.hit === 'y' ? (y - py) ** 2 : data.hit === 'x' ? (x - px) ** 2 : (x - px) ** 2 + (y - py) ** 2;
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      return best;
    };
    const point = (event: PointerEvent) => {
      const index = nearest(event);
      if (index >= 0) show(index, event.pointerType !== 'mouse');
      else hide();
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
      show(active < 0 && event.key !== 'End' ? 0 : Math.min(Math.max(next[event.key], 0), last), true);
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
