// /cards/<slug>.png: the story's social card (og:image), 1200x630, with its headline and lead chart.
import type { APIRoute } from 'astro';
import { socialCardPng } from '../../charts/social-card.ts';
import { getChart } from '../../site/charts.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return getSite().articles.map((article) => ({
    params: { slug: article.slug },
    props: { title: article.title, lead: article.body.charts[0] },
  }));
}

export const GET: APIRoute = async ({ props }) => {
  const { png } = await socialCardPng(props.title, props.lead ? getChart(props.lead) : undefined);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
