#!/usr/bin/env bash
# Keeps the pull request previews in the `pr-previews` branch, one folder per pull request (pr-<number>/), and asks
# deploy.yml to publish main again with them beside it. Run by preview.yml, in a job that runs none of the pull
# request's code:
#   preview-branch.sh add <number> <folder with the built site>
#   preview-branch.sh remove <number>
# Needs GITHUB_TOKEN (contents: write, actions: write), GITHUB_REPOSITORY and GITHUB_SHA.
set -euo pipefail
action="$1"
number="$2"
site="${3:-}"
[[ "$number" =~ ^[0-9]+$ ]] || { echo "not a pull request number: $number" >&2; exit 2; }

work="$(mktemp -d)"
git init -q "$work"
cd "$work"
git remote add origin "https://x-access-token:${GITHUB_TOKEN}@github.com/${GITHUB_REPOSITORY}.git"
if git fetch -q --depth 1 origin pr-previews; then git checkout -q -b pr-previews FETCH_HEAD; else git checkout -q --orphan pr-previews; fi

rm -rf "pr-$number"
if [ "$action" = add ]; then cp -R "$site" "pr-$number"; fi
git add -A
if git diff --cached --quiet; then echo "pr-previews: nothing changed for #$number"; exit 0; fi
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit -qm "Preview of #$number: $action ($GITHUB_SHA)"
git push -q origin pr-previews
# A workflow_dispatch from this token does start a run (other events from it do not).
GH_TOKEN="$GITHUB_TOKEN" gh workflow run deploy.yml --ref main --repo "$GITHUB_REPOSITORY"
