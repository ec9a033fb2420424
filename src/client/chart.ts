// <sl-chart>: reading a build-time chart with mouse, touch and keyboard, and switching its views.
// It only enhances what the HTML already shows; with JavaScript off the chart, notes and table are all there.

interface PointData {
  texts: string[];
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
    const json = plot.querySelector('script.chart-points')?.textContent;
    if (!json) return;
    const data = JSON.parse(json) as PointData;
    if (!data.texts.length) return;
    plot.tabIndex = 0;
    plot.setAttribute('role', 'group');
    plot.setAttribute('aria-roledescription', 'chart');
    plot.setAttribute('aria-label', `${this.querySelector('.chart-title')?.textContent ?? 'Chart'}: use arrow keys to read each point`);
    const tooltip = document.createElement('div');
    tooltip.className = 'chart-tooltip';
    tooltip.hidden = true;
    plot.append(tooltip);
    let active = -1;
    const drawing = () => [...plot.querySelectorAll<HTMLElement>('.chart-drawing')].find((d) => d.offsetParent !== null);

    const show = (index: number, announce: boolean) => {
      const current = drawing();
      const svg = current?.querySelector('svg');
      const xy = current && data.drawings[current.dataset.layout ?? '']?.[index];
      if (!current || !svg || !xy) return;
      active = index;
      const scale = svg.getBoundingClientRect().width / Number(current.dataset.width);
      const box = current.getBoundingClientRect();
      const host = plot.getBoundingClientRect();
      tooltip.textContent = data.texts[index];
      tooltip.hidden = false;
      tooltip.style.left = `${Math.min(Math.max(xy[0] * scale + box.left - host.left, 80), host.width - 80)}px`;
      tooltip.style.top = `${xy[1] * scale + box.top - host.top}px`;
      let ring = svg.querySelector<SVGCircleElement>('.chart-focus');
      if (!ring) {
        ring = document.createElementNS(SVG_NS, 'circle') as SVGCircleElement;
        ring.setAttribute('class', 'chart-focus');
        ring.setAttribute('r', '9');
        svg.append(ring);
      }
      ring.setAttribute('cx', String(xy[0]));
      ring.setAttribute('cy', String(xy[1]));
      if (announce) this.#live.textContent = `${index + 1} of ${data.texts.length}: ${data.texts[index]}`;
    };
    const hide = () => {
      tooltip.hidden = true;
      plot.querySelectorAll('.chart-focus').forEach((ring) => ring.remove());
    };


    plot.addEventListener('pointermove', (event) => {
      const current = drawing();
      const svg = current?.querySelector('svg');
      const points = current && data.drawings[current.dataset.layout ?? ''];
      if (!svg || !points) return;
      const rect = svg.getBoundingClientRect();
      const scale = rect.width / Number(current.dataset.width);
      const px = (event.clientX - rect.left) / scale;
      const py = (event.clientY - rect.top) / scale;
      let best = -1;
      let bestDistance = 40 * 40;
      points.forEach(([x, y], i) => {
        const d = (x - px) ** 2 + (y - py) ** 2;
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      if (best >= 0) show(best, false);
      else hide();
    });
    plot.addEventListener('pointerleave', hide);
    plot.addEventListener('blur', hide);
    plot.addEventListener('keydown', (event) => {
      const last = data.texts.length - 1;
      const moves: Record<string, number> = {
        ArrowRight: Math.min(active + 1, last),
        ArrowDown: Math.min(active + 1, last),
        ArrowLeft: Math.max(active - 1, 0),
        ArrowUp: Math.max(active - 1, 0),
        Home: 0,
        End: last,
      };
      if (event.key === 'Escape') {
        hide();
        return;
      }
      if (!(event.key in moves)) return;
      event.preventDefault();
      show(active < 0 && !['Home', 'End'].includes(event.key) ? 0 : moves[event.key], true);
    });
  }

  #setUpViews() {
    const switcher = this.querySelector<HTMLElement>('.chart-views-switch');
    if (!switcher) return;
    switcher.hidden = false;
    const buttons = [...switcher.querySelectorAll<HTMLButtonElement>('button')];
    const select = (id: string, updateHash: boolean) => {
      if (!buttons.some((b) => b.dataset.view === id)) return;
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.view === id));
      for (const view of this.querySelectorAll<HTMLElement>('.chart-view')) view.hidden = view.dataset.view !== id;
      this.querySelectorAll<HTMLElement>('.chart-tooltip').forEach((t) => (t.hidden = true));
      if (updateHash) history.replaceState(null, '', `#${this.dataset.chart}=${id}`);
    };
    for (const button of buttons) button.addEventListener('click', () => select(button.dataset.view ?? '', true));
    const fromHash = () => {
      const [chart, view] = decodeURIComponent(location.hash.slice(1)).split('=');
      return chart === this.dataset.chart ? view : undefined;
    };
    select(fromHash() ?? buttons[0].dataset.view ?? '', false);
    addEventListener('hashchange', () => {
      const view = fromHash();
      if (view) select(view, false);
    });
  }
}

if (!customElements.get('sl-chart')) customElements.define('sl-chart', SupplyLinesChart);
