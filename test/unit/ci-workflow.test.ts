// The CI workflows as GitHub reads them (parsed with `yaml`), and the pull request comment script run against a
// pull_request event in GitHub's shape with a stand-in for the GitHub client that keeps comments in memory.
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build.ts';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) =>
  parse(readFileSync(path.join(projectRoot, '.github/workflows', name), 'utf8')) as Workflow;
const stepRunning = (job: Job, text: string) =>
  job.steps.find((s) => s.run?.includes(text) || s.uses?.startsWith(text));

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const job = ci.jobs['check-test-build'];

  it('runs on pull requests, keeps the content check (its problems are annotations on the diff), and fetches the base history', () => {
    expect(Object.keys(ci.on)).toContain('pull_request');
    expect(stepRunning(job, 'npm run check')).toBeDefined();
    expect(stepRunning(job, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
  });

  it.each([
    ['ci.yml', 'check-test-build'],
    ['deploy.yml', 'build'],
    ['preview.yml', 'build'],
  ])('%s checks out the whole history, so the site it builds keeps its dated versions', (name, jobName) => {
    const steps = workflow(name).jobs[jobName]!.steps;
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout') && !s.with?.['sparse-checkout']);
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it.each(['npm run typecheck', 'npm run format:check'])('runs %s before the tests, and so does .ci/run', (command) => {
    const at = (text: string) => job.steps.findIndex((s) => s.run?.includes(text));
    expect(at(command)).toBeGreaterThan(-1);
    expect(at(command)).toBeLessThan(at('npm test'));
    const lines = readFileSync(path.join(projectRoot, '.ci/run'), 'utf8').split('\n');
    const line = (text: string) => lines.findIndex((l) => l.startsWith(text));
    expect(line(command)).toBeGreaterThan(-1);
    expect(line(command)).toBeLessThan(line('npm test'));
    const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(scripts.typecheck).toMatch(/^astro check\b/);
  });

  it('reviews a pull request against its base, uploads review/, and comments with the script', () => {
    const review = stepRunning(job, 'npm run review')!;
    expect(review.if).toContain("github.event_name == 'pull_request'");
    expect(review.run).toContain('--base "origin/$BASE_REF"');
    expect(review.env?.BASE_REF).toBe('${{ github.base_ref }}');
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.path === 'review/')!;
    expect(upload).toMatchObject({ id: 'review-artifact', with: { name: 'review' } });
    const comment = stepRunning(job, 'actions/github-script')!;
    expect(String(comment.with?.script)).toContain("require('./.github/scripts/review-comment.cjs')");
    expect(comment.env?.REVIEW_ARTIFACT_URL).toBe('${{ steps.review-artifact.outputs.artifact-url }}');
    expect(job.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write' });
    // In that order: review, upload, comment.
    const at = (step: Step) => job.steps.indexOf(step);
    expect(at(review)).toBeLessThan(at(upload));
    expect(at(upload)).toBeLessThan(at(comment));
  });
});

describe('preview.yml and deploy.yml', () => {
  const preview = workflow('preview.yml');
  const deploy = workflow('deploy.yml');

  it('builds each pull request under /pr-<number>/ with read-only rights, stores it with a script that runs none of its code, and removes it on close', () => {
    expect(preview.on.pull_request?.types).toEqual(['opened', 'synchronize', 'reopened', 'closed']);
    const build = preview.jobs.build;
    expect(build.permissions).toBeUndefined(); // the workflow's: contents read
    expect(stepRunning(build, 'npm run build')?.env?.BASE_PATH).toBe(
      '${{ steps.pages.outputs.base_path }}/pr-${{ github.event.number }}',
    );
    for (const [name, action] of [
      ['publish', 'add'],
      ['remove', 'remove'],
    ] as const) {
      const job = preview.jobs[name];
      expect(job.permissions).toEqual({ contents: 'write', actions: 'write' });
      expect(stepRunning(job, 'actions/checkout')?.with?.ref).toBe('main');
      expect(stepRunning(job, `.github/scripts/preview-branch.sh ${action} `)).toBeDefined();
      expect(stepRunning(job, 'npm')).toBeUndefined();
    }
    expect(preview.jobs.remove.if).toContain("github.event.action == 'closed'");
    expect(() => accessSync(path.join(projectRoot, '.github/scripts/preview-branch.sh'), constants.X_OK)).not.toThrow();
  });

  it('publishes main with the previews beside it', () => {
    const steps = deploy.jobs.build.steps;
    const add = steps.findIndex((s) => s.run?.includes('pr-previews'));
    expect(add).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm run build'));
    expect(add).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact')));
    expect(Object.keys(deploy.on)).toContain('workflow_dispatch');
  });
});

describe('.github/scripts/review-comment.cjs', () => {
  const post = createRequire(import.meta.url)(path.join(projectRoot, '.github/scripts/review-comment.cjs'));
  const event = JSON.parse(
    readFileSync(path.join(projectRoot, 'test/fixtures/github/pull-request-opened.json'), 'utf8'),
  );
  const context = { payload: event, repo: { owner: event.repository.owner.login, repo: event.repository.name } };

  /** A stand-in for the Octokit client github-script passes: comments on issues, kept in memory. */
  function fakeGitHub(comments: { id: number; body: string; user: { login: string; type: string } }[]) {
    const calls: string[] = [];
    const github = {
      paginate: async (method: (p: object) => Promise<{ data: unknown[] }>, params: object) =>
        (await method(params)).data,
      rest: {
        issues: {
          listComments: async ({
            owner,
            repo,
            issue_number,
          }: {
            owner: string;
            repo: string;
            issue_number: number;
          }) => {
            calls.push(`list ${owner}/${repo}#${issue_number}`);
            return { data: comments.map((c) => ({ ...c })) };
          },
          createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
            calls.push(`create #${issue_number}`);
            const comment = { id: 100 + comments.length, body, user: { login: 'github-actions[bot]', type: 'Bot' } };
            comments.push(comment);
            return { data: comment };
          },
          updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
            calls.push(`update ${comment_id}`);
            comments.find((c) => c.id === comment_id)!.body = body;
            return { data: {} };
          },
        },
      },
    };
    return { github, calls };
  }

  const summaryFile = path.join(mkdtempSync(path.join(tmpdir(), 'supply-lines-comment-')), 'summary.md');
  writeFileSync(
    summaryFile,
    '**What this pull request shows readers**\n\n| | added |\n| --- | ---: |\n| charts | 1 |\n',
  );
  const env = { REVIEW_ARTIFACT_URL: 'https://github.com/supply-lines/supply-lines/actions/runs/1/artifacts/2' };

  it('posts one comment, then updates it on the next push instead of adding another', async () => {
    const comments = [{ id: 1, body: `I quote it: ${post.marker}`, user: { login: 'fixture-editor', type: 'User' } }];
    const { github, calls } = fakeGitHub(comments);
    const first = await post({ github, context, summaryFile, env });
    expect(first.action).toBe('created');
    const second = await post({ github, context, summaryFile, env: {} });
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(calls).toEqual([
      'list supply-lines/supply-lines#42',
      'create #42',
      'list supply-lines/supply-lines#42',
      `update ${first.id}`,
    ]);
    expect(comments).toHaveLength(2);
    expect(comments[0].body).toBe(`I quote it: ${post.marker}`); // a person's comment is left alone
    expect(first.body).toContain('| charts | 1 |');
    expect(first.body).toContain(`[Download the full report](${env.REVIEW_ARTIFACT_URL})`);
    expect(first.body).toContain('Updated for 9f2c1e4.');
  });

  it('does nothing outside a pull request', async () => {
    const { github, calls } = fakeGitHub([]);
    expect(await post({ github, context: { ...context, payload: {} }, summaryFile })).toMatchObject({
      action: 'skipped',
    });
    expect(calls).toEqual([]);
  });
});
