// The chart page's "Link to this view" and embed code follow the chart's state (src/lib/chart-state.ts): the page's
// address and the embed's frame address carry the entries of this chart and of its tabs' charts, so a copied link or
// frame reopens exactly what the reader sees.
import { parseStates, stateEntry } from '../lib/chart-state.ts';

// The page's chart, and the charts of its tabs (Figure.astro): the one shown holds the state.
const charts = [...document.querySelectorAll<HTMLElement>('sl-chart')].map((chart) => chart.dataset.chart ?? '');
const link = document.querySelector<HTMLTextAreaElement>('#view-link');
const embed = document.querySelector<HTMLTextAreaElement>('#embed-code');
const bare = { link: link?.value ?? '', embed: embed?.value ?? '' };

function follow() {
  const states = parseStates(location.hash);
  const entries = charts.map((chart) => states.has(chart) && stateEntry(chart, states.get(chart)!)).filter(Boolean);
  const hash = entries.length ? `#${entries.join('&')}` : '';
  if (link) link.value = `${bare.link}${hash}`;
  // The frame's src is the first address in the code: the embed page, which reads the same hash.
  if (embed) embed.value = bare.embed.replace(/src="([^"#]*)"/, (_, src: string) => `src="${src}${hash.replace(/"/g, '%22')}"`);
}

follow();
for (const event of ['hashchange', 'popstate', 'chart-state']) addEventListener(event, follow);
