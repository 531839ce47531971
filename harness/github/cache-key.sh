#!/usr/bin/env bash
# The runner cache's key for the images (as files, OCF_IMAGE_ARCHIVE) and OpenClaw installs: what
# shapes an image (the provisioning code, the lockfile) and the ISO week, so a moved dist-tag or a
# newer npm snapshot is picked up within a week. An older key is restored first (restore-keys),
# and images whose content tags still match are loaded from it instead of being built.
set -euo pipefail
recipe=$(find harness/provision harness/sut package-lock.json -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
{
  echo "prefix=openclaw-conformance-$recipe-"
  echo "key=openclaw-conformance-$recipe-$(date -u +%G-w%V)"
} >>"$GITHUB_OUTPUT"
