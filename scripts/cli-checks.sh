#!/usr/bin/env bash
# The slow and end-to-end checks CI runs after `swift test`, through the real CLI.
set -euo pipefail
swift build -c release --product rtmcheck
BIN="$(swift build -c release --show-bin-path)/rtmcheck"
"$BIN" codes >/dev/null
echo "cli-checks: codes ok"
