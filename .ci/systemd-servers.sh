#!/usr/bin/env bash
# Builds (once; then from .cache/systemd-server/) the Ubuntu 24.04 and 26.04 root
# filesystems the server-side integration tests boot with systemd-nspawn
# (main/testing/systemd-server/). Run as root after `npm ci`, with Node 24 on PATH.
# A failure here does not stop CI: the tests that need the machines then FAIL
# (.ci/run exports ONRAMP_SYSTEMD_SERVERS=required), with this output above them.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
status=0
npx tsx main/testing/systemd-server/prepare.ts || status=$?
echo "systemd servers: $([[ $status == 0 ]] && echo ready || echo FAILED) in $(( $(date +%s) - start )) s"
exit "$status"
