// The chart page's "Link to this view" and embed code follow the chart's state (src/util/chart-state.ts): the page's
// address and the embed's frame address carry the entries of this chart and of its tabs' charts, so a copied link or
// frame reopens exactly what the reader sees. A chart page holds only its chart and its tabs' charts, so the
// address's whole hash is their state: it is copied, not parsed here, so this script shares no code with the chart's
// and a story loads one file fewer.

const link = document.querySelector<HTMLTextAreaElement>('#view-link');
// The embed codes: always the latest, and pinned to this version (when the chart has dated versions).
const embeds = [...document.querySelectorAll<HTMLTextAreaElement>('#embed-code, #embed-code-pinned')];
const bare = { link: link?.value ?? '', embeds: embeds.map((embed) => embed.value) };

function follow() {
  const hash = location.hash.length > 1 ? location.hash : '';
  if (link) link.value = `${bare.link}${hash}`;
  // The frame's src is the first address in the code: the embed page, which reads the same hash.
  embeds.forEach((embed, i) => {
    embed.value = bare.embeds[i]!.replace(
      /src="([^"#]*)"/,
      (_, src: string) => `src="${src}${hash.replace(/"/g, '%22')}"`,
    );
  });
}

follow();
for (const event of ['hashchange', 'popstate', 'chart-state']) addEventListener(event, follow);
