#!/usr/bin/env bash
# The end-to-end checks CI runs after `swift test`, through the real CLI (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rtmcheck
BIN="$(swift build -c release --show-bin-path)/rtmcheck"

echo "== rtmcheck codes"
"$BIN" codes >/dev/null
"$BIN" codes JOIN_CHANNEL_ERR 5 | grep -q JOIN_CHANNEL_ERR_EXCEED_LIMIT
set +e; "$BIN" codes JOIN_CHANEL_ERR >/dev/null 2>&1; rc=$?; set -e
[ "$rc" -eq 64 ] || { echo "codes with an unknown enum should exit 64, got $rc"; exit 1; }

echo "== rtmcheck token (Agora's known answers)"
"$BIN" token signaling --app-id 970ca35de60c44645bbae8a215061b33 --certificate 5cfd2fd1755d40ecb72977518be15d3b \
  --account TestAccount --expire 1446455471 | grep -q 1:970ca35de60c44645bbae8a215061b33:1446455471:4815d52c4fd440bac35b981c12798774

echo "== rtmcheck check Models/"
"$BIN" check Models/ --no-timing

echo "== rtmcheck validate Traces/ (every committed trace is allowed by the model)"
"$BIN" validate Traces/ --complete

echo "== rtmcheck generate drift (the committed covering suites are current)"
tmp="$(mktemp -d)"
for scenario in channel connection invitation invitation-race messaging; do
  "$BIN" generate "Models/$scenario.yaml" --cover transitions -o "$tmp" >/dev/null
done
for f in "$tmp"/*.jsonl; do
  cmp -s "$f" "Traces/generated/$(basename "$f")" || { echo "Traces/generated/$(basename "$f") is stale: rerun rtmcheck generate"; exit 1; }
done
rm -rf "$tmp"

echo "== rtmcheck docs --check (committed diagrams are current)"
"$BIN" docs --check

echo "cli-checks: all passed"
