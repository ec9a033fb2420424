// Posts the review's summary (review/summary.md, from `npm run review`) on the pull request as one comment, and
// updates that comment on every later push instead of adding another. Run by actions/github-script in ci.yml:
//   await require('./.github/scripts/review-comment.cjs')({ github, context })
// with REVIEW_ARTIFACT_URL (the uploaded review/ folder) and PREVIEW_URL in the environment when there are some.
// Tested by test/unit/ci-workflow.test.ts against a recorded pull_request event and a stand-in for the client.
const { readFileSync } = require('node:fs');

/** Marks the comment as this script's, so a later run finds it and updates it. */
const marker = '<!-- supply-lines-review -->';

async function postReviewComment({ github, context, summaryFile = 'review/summary.md', env = process.env }) {
  const pr = context.payload.pull_request;
  if (!pr) return { action: 'skipped', reason: 'not a pull request' };
  const { owner, repo } = context.repo;
  const links = [];
  if (env.REVIEW_ARTIFACT_URL)
    links.push(
      `[Download the full report](${env.REVIEW_ARTIFACT_URL}) (the \`review\` artifact: open \`index.html\`; charts before and after, rows cell by cell).`,
    );
  if (env.PREVIEW_URL) links.push(`[Preview this pull request's site](${env.PREVIEW_URL}).`);
  const body = [
    marker,
    readFileSync(summaryFile, 'utf8').trim(),
    '',
    ...links,
    '',
    `<sub>Updated for ${pr.head.sha.slice(0, 7)}.</sub>`,
  ].join('\n');

  const comments = await github.paginate(github.rest.issues.listComments, {
    owner,
    repo,
    issue_number: pr.number,
    per_page: 100,
  });
  // Only a comment a bot wrote counts: a person quoting the marker keeps their own comment.
  const previous = comments.find(
    (c) => c.user && c.user.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(marker),
  );
  if (previous) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
    return { action: 'updated', id: previous.id, body };
  }
  const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: pr.number, body });
  return { action: 'created', id: data.id, body };
}

module.exports = postReviewComment;
module.exports.marker = marker;
