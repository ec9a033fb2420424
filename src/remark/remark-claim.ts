import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { claimSchema, type Claim, type ClaimStatus } from '../schemas/claim.ts';
import { checkClaim, type ClaimCheck } from './claim-check.ts';
import { closest, didYouMean } from '../util/suggest.ts';
import { checkState, type RemarkViewOptions, type ViewLink } from './remark-view.ts';

/**
 * `charts`: ids of the charts that exist, a claim's `chart` must name one; `states`: what its select, year and view may
 * name; `figures`: where a claim checked against the data reads its figure.
 */
export type RemarkClaimOptions = RemarkViewOptions;

export interface MarkedClaim extends Omit<Claim, 'status'> {
  /** As typed, or for a claim checked against the data, as the data makes it. */
  status: ClaimStatus;
  /** A claim checked against the data: the data's figure and what it makes of the claim; none: the editors' judgement. */
  check?: ClaimCheck;
  /** 1-based number of the claim in the article. */
  number: number;
  /** The words of the claim as plain text. */
  text: string;
  /** With a chart: the state its chart opens at (the places that back the claim highlighted). */
  link?: ViewLink;
}

const statusLabel: Record<ClaimStatus, string> = {
  supported: 'Supported',
  disputed: 'Disputed',
  unsupported: 'Unsupported',
  unverified: 'Unverified',
};

/**
 * `:claim[the words]{status="disputed" note="what the data says" chart="chart-id"}` marks a claim.
 * It becomes a link to the claim's note (`#claim-N`), which the page lists with its status, what the
 * data says and a link to the chart. Claims are left in `file.data.claims`. Any other inline
 * directive (`:30` in "10:30" is not one, but `:note[x]` is) is put back as the text it was.
 */
export default function remarkClaim(options: RemarkClaimOptions) {
  return (tree: Root, file: VFile) => {
    const claims: MarkedClaim[] = [];
    visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
      if (node.name === 'chart' || node.name === 'view' || node.name === 'value') return; // remark-chart, remark-view and remark-value handle them
      if (node.name !== 'claim') {
        // :clam[...]{...} is a claim misspelt, not text that happens to hold a colon.
        const written = Boolean(node.children.length || Object.keys(node.attributes ?? {}).length);
        const meant = written ? closest(node.name, ['claim', 'view', 'value']) : undefined;
        if (meant === 'claim')
          file.message(
            `unknown directive ":${node.name}" (did you mean ":claim"?): write :claim[the words]{status="..." note="..."}`,
            node,
          );
        if (meant === 'view')
          file.message(
            `unknown directive ":${node.name}" (did you mean ":view"?): write :view[the words]{chart="chart-id" select="..."}`,
            node,
          );
        if (meant === 'value')
          file.message(
            `unknown directive ":${node.name}" (did you mean ":value"?): write :value{dataset="..." field="..." where="..."}`,
            node,
          );
        if (parent && index !== undefined) {
          // Exactly what was written, attributes included, from the parser's positions.
          const { start, end } = node.position ?? {};
          const written =
            start?.offset !== undefined && end?.offset !== undefined
              ? String(file.value).slice(start.offset, end.offset)
              : `:${node.name}[${toString(node)}]`;
          parent.children.splice(index, 1, { type: 'text', value: written });
        }
        return;
      }
      // `:claim[words{...}` or `:claim[words]{status="x"` (a ] or } missing): the parser stops at the claim's name
      // or words, and the rest follows as text.
      const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
      const rest = next?.type === 'text' ? next.value : '';
      const unclosed = !Object.keys(node.attributes ?? {}).length && (rest.startsWith('[') || rest.startsWith('{'));
      if (unclosed) {
        file.message(
          `:claim is not closed: write :claim[the words]{status="..." note="..."}, with ] after the words and } after the attributes`,
          node,
        );
        return;
      }
      const parsed = claimSchema.safeParse(node.attributes ?? {});
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.join('.') || 'claim';
          const found = (node.attributes as Record<string, unknown> | undefined)?.[field];
          const options = ((issue as { values?: unknown[] }).values ?? Object.keys(statusLabel)).map(String);
          const hint = issue.code === 'invalid_value' && typeof found === 'string' ? didYouMean(found, options) : '';
          const message =
            issue.code === 'invalid_value'
              ? `claim ${field}: expected one of ${options.join(', ')}, found "${found}"${hint}`
              : issue.code === 'unrecognized_keys'
                ? `claim: unknown attribute ${(issue as { keys?: string[] }).keys?.join(', ')}; known: ${Object.keys(claimSchema.shape).join(', ')}`
                : `claim ${field}: required, found nothing`;
          file.message(message, node);
        }
        return;
      }
      const say = (message: string) => file.message(message, node);
      const check = checkClaim(parsed.data, options.figures, file.data.shown ?? file.data.charts ?? [], say);
      if (check && parsed.data.status && parsed.data.status !== check.status) {
        say(
          `claim "${toString(node)}": status="${parsed.data.status}" is typed, but the data gives ${check.figure.text} (${check.figure.about}), which is ${check.reason}, so the claim is ${check.status}; correct the claim, or write status="${check.status}" (or leave status out)`,
        );
      }
      // Without `states` the schema holds the editors' status and note; with it, a check that failed was reported.
      const status = check?.status ?? parsed.data.status;
      if (!status) return;
      const claim = { ...parsed.data, status, ...(check ? { check } : {}) };
      if (!claim.chart && (claim.select || claim.year || claim.view))
        file.message('claim select, year and view need a chart: add chart="chart-id"', node);
      // The chart may be one the article does not place: the claim's note then links to the chart's page.
      const link = claim.chart
        ? checkState(
            'claim',
            { chart: claim.chart, select: claim.select, year: claim.year, view: claim.view },
            options,
            undefined,
            (message) => file.message(message, node),
          )
        : undefined;
      const number = claims.length + 1;
      claims.push({
        ...claim,
        number,
        text: toString(node),
        ...(link && (claim.select || claim.year || claim.view) ? { link } : {}),
      });
      node.data = {
        hName: 'a',
        hProperties: {
          ...node.data?.hProperties, // a figure's provenance (remark-value)
          className: ['claim', `claim--${claim.status}`],
          href: `#claim-${number}`,
          id: `claim-ref-${number}`,
          dataStatus: claim.status,
          ...(check ? { dataChecked: 'data' } : {}),
        },
      };
      node.children.push({
        type: 'text',
        value: '',
        data: {
          hName: 'sup',
          hChildren: [{ type: 'text', value: `${statusLabel[claim.status]} ${number}` }],
          hProperties: { className: ['claim-mark'] },
        },
      } as never);
    });
    file.data.claims = claims;
  };
}

export { statusLabel as claimStatusLabel };

declare module 'vfile' {
  interface DataMap {
    claims: MarkedClaim[];
  }
}
