// A claim checked against the data: `:claim[words]{states="80%" within="5" dataset=... field=... where=... as=...
// of=...}`. The figure the claim states is compared with the one the data gives (read as a `:value` reads it), and
// the status is computed: supported when the data's figure is within the tolerance (or beyond the bound stated).
import type { Claim } from '../schemas/claim.ts';
import { valueAttributes, type FigureLookup, type PrintedFigure } from './figures.ts';

/** The attributes that check a claim against the data. */
export const checkAttributes = ['states', 'within', 'dataset', 'field', 'where', 'as', 'of', 'from'] as const;

export interface ClaimCheck {
  /** The figure the claim states, as written: "80%", "more than 50%". */
  states: string;
  /** The data's figure, as a `:value` prints it, with where it comes from. */
  figure: PrintedFigure;
  /** What the data makes of the claim. */
  status: 'supported' | 'disputed';
  /** How the data's figure stands to the stated one: "not within 5 points of 80%", "more than 50%". */
  reason: string;
}

const bounds: [RegExp, string, string][] = [
  [/^(more than|over|above|greater than|>)\s*/, '>', 'more than'],
  [/^(at least|>=|≥)\s*/, '>=', 'at least'],
  [/^(less than|fewer than|under|below|<)\s*/, '<', 'less than'],
  [/^(at most|<=|≤)\s*/, '<=', 'at most'],
  [/^(about|approximately|around|some|nearly|almost)\s+/, '', ''],
];
const scales: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

interface Stated {
  bound: string;
  /** The figure, unscaled (3.5 million is 3500000). */
  value: number;
  percent: boolean;
  /** Half a unit of the last digit written, unscaled: the default tolerance. */
  half: number;
  scale: number;
}

/** "more than 50%", "80%", "3.5 million", "2.3 times", "270,000" as a figure, or undefined. */
export function parseStated(text: string): Stated | undefined {
  let rest = text.trim().toLowerCase();
  let bound = '';
  for (const [pattern, op] of bounds) {
    const match = pattern.exec(rest);
    if (match) {
      bound = op;
      rest = rest.slice(match[0].length);
      break;
    }
  }
  const match =
    /^([-+−]?(?:\d{1,3}(?:,\d{3})+|\d+))(?:\.(\d+))?\s*(%|percent|per cent|percentage points|points|times)?\s*(thousand|million|billion)?$/.exec(
      rest,
    );
  if (!match) return undefined;
  const scale = match[4] ? scales[match[4]] : 1;
  const decimals = match[2]?.length ?? 0;
  const value = Number(`${match[1].replace(/,/g, '').replace('−', '-')}.${match[2] ?? '0'}`) * scale;
  return {
    bound,
    value,
    percent: match[3] === '%' || match[3] === 'percent' || match[3] === 'per cent',
    half: 0.5 * 10 ** -decimals * scale,
    scale,
  };
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/**
 * Checks a claim's figure against the data, or says why it cannot (each problem through `say`; `what` names the
 * directive, "claim" or ":view"). Returns undefined when the claim has no data attributes (the editors' judgement) or
 * they do not hold together.
 */
export function checkClaim(
  claim: Claim,
  lookup: FigureLookup | undefined,
  placed: readonly string[],
  say: (message: string) => void,
  what = 'claim',
): ClaimCheck | undefined {
  const given = checkAttributes.filter((name) => claim[name] !== undefined);
  if (!given.length) return undefined;
  const missing = (['states', 'dataset', 'field', 'where'] as const).filter((name) => !claim[name]);
  if (missing.length) {
    say(
      `${what} ${missing.join(', ')}: a claim checked against the data needs states, dataset, field and where, e.g. ${what === 'claim' ? ':claim' : what}[the words]{states="80%" dataset="..." field="..." where="country=China; year=2024"}; found ${given.join(', ')} only`,
    );
    return undefined;
  }
  const states = claim.states!.trim();
  const stated = parseStated(states);
  if (!stated) {
    say(
      `${what} states: "${claim.states}" is not a figure; write it as the claim gives it, e.g. "80%", "more than 50%", "270,000", "3.5 million"`,
    );
    return undefined;
  }
  if (claim.within !== undefined && !(Number(claim.within) >= 0)) {
    say(
      `${what} within: expected a number in the figure's unit, e.g. "5" (points for a share), found "${claim.within}"`,
    );
    return undefined;
  }
  const within = claim.within === undefined ? stated.half : Number(claim.within) * stated.scale;
  const request = Object.fromEntries(
    (['dataset', 'field', 'where', 'as', 'of', 'from'] as const).map((name) => [name, claim[name]]),
  );
  const { attributes, messages } = valueAttributes(request, what);
  messages.forEach(say);
  if (!attributes) return undefined;
  if (!lookup) {
    say(`${what}: no datasets to read figures from`);
    return undefined;
  }
  const figure = lookup(attributes, placed);
  if ('error' in figure) {
    say(`${what}: ${figure.error}`);
    return undefined;
  }
  if (figure.number === undefined) {
    say(
      `${what} field: the data's "${attributes.field}" is ${figure.text}, not a number to check "${claim.states}" against`,
    );
    return undefined;
  }
  if (stated.percent && !figure.percent) {
    say(
      `${what} states: "${claim.states}" is a percentage, but the data's figure (${figure.text}) is not: add as="share" and of="..." to compare shares`,
    );
    return undefined;
  }
  const n = figure.number;
  const held = {
    '>': n > stated.value,
    '>=': n >= stated.value,
    '<': n < stated.value,
    '<=': n <= stated.value,
    '': Math.abs(n - stated.value) <= within + 1e-9,
  }[stated.bound]!;
  const unit = stated.percent ? ' points' : '';
  const reason = stated.bound
    ? `${held ? '' : 'not '}${states}`
    : `${held ? '' : 'not '}within ${number.format(within / stated.scale)}${stated.scale > 1 ? ` ${Object.keys(scales).find((k) => scales[k] === stated.scale)}` : ''}${unit} of ${states}`;
  return { states, figure, status: held ? 'supported' : 'disputed', reason };
}
