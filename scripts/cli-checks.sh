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

echo "== rtmcheck record + replay (round trip, a hand-edited trace, a malformed one, JUnit)"
tmp="$(mktemp -d)"
"$BIN" record Models/channel.yaml --duration 600s --seed 1 -o "$tmp/run.jsonl" >/dev/null
"$BIN" replay "$tmp/run.jsonl" | grep -q "identical"
"$BIN" validate "$tmp/run.jsonl" | grep -q "valid"
"$BIN" record --clients 20 --duration 30s --seed 3 --loss 0.02 --dup 0.02 --reorder 0.05 -o "$tmp/faults.jsonl" >/dev/null || true
"$BIN" replay "$tmp/faults.jsonl" | grep -q "identical"
line="$(grep -n '"callback":"onJoinSuccess"' "$tmp/run.jsonl" | head -1 | cut -d: -f1)"
sed "${line}s/\"channelId\":\"lobby\"/\"channelId\":\"hall\"/" "$tmp/run.jsonl" > "$tmp/edited.jsonl"
set +e; out="$("$BIN" replay "$tmp/edited.jsonl")"; rc=$?; set -e
[ "$rc" -eq 1 ] || { echo "replay of an edited trace should exit 1, got $rc"; exit 1; }
echo "$out" | grep -q "^$tmp/edited.jsonl:$line: expected " || { echo "the divergence should be at line $line: $out"; exit 1; }
{ head -1 "$tmp/run.jsonl"; echo '{"actor":"alice","call":"sendLocalInvitaton","invitation":"alice->bob#1"}'; } > "$tmp/bad.jsonl"
set +e; "$BIN" replay "$tmp/bad.jsonl" 2>"$tmp/err.txt"; rc=$?; set -e
[ "$rc" -eq 64 ] || { echo "replay of a malformed trace should exit 64, got $rc"; exit 1; }
grep -q "^$tmp/bad.jsonl:2: unknown call sendLocalInvitaton" "$tmp/err.txt"
"$BIN" replay Traces/ --junit "$tmp/replay.xml" >/dev/null
grep -q 'failures="0" errors="0"' "$tmp/replay.xml" || { echo "replay of Traces/ failed"; cat "$tmp/replay.xml"; exit 1; }
rm -rf "$tmp"

echo "== rtmcheck render --uncovered (the scenario's traces mapped onto it, others counted, a failing one exits 1)"
tmp="$(mktemp -d)"
"$BIN" render Models/invitation.yaml --view 'alice.local[bob]' --uncovered --format dot -o /tmp/x.dot 2>"$tmp/err.txt"
grep -Eq "^used [1-9][0-9]* traces of Traces for invitation; [1-9][0-9]* belong to other scenarios" "$tmp/err.txt" \
  || { echo "render --uncovered should say how many traces it used and skipped:"; cat "$tmp/err.txt"; exit 1; }
edges="$(grep -F -- ' -> ' /tmp/x.dot | grep -v '__start')"
echo "$edges" | grep -v 'style=dashed' >/dev/null || { echo "render --uncovered: no covered edge in /tmp/x.dot"; exit 1; }
# Traces/ exercises every edge of this view; with two of its traces (and one of another scenario) both styles show.
mkdir "$tmp/traces"
cp Traces/generated/invitation-01.jsonl Traces/generated/invitation-02.jsonl Traces/generated/channel-01.jsonl "$tmp/traces/"
"$BIN" render Models/invitation.yaml --view 'alice.local[bob]' --uncovered --traces "$tmp/traces" --format dot \
  -o /tmp/x.dot 2>"$tmp/err.txt"
grep -q "^used 2 traces of $tmp/traces for invitation; 1 belongs to another scenario (channel 1)" "$tmp/err.txt" \
  || { echo "unexpected trace summary:"; cat "$tmp/err.txt"; exit 1; }
edges="$(grep -F -- ' -> ' /tmp/x.dot | grep -v '__start')"
echo "$edges" | grep -F 'style=dashed, color="#9e9e9e"' >/dev/null || { echo "no uncovered (dashed grey) edge"; exit 1; }
echo "$edges" | grep -v 'style=dashed' >/dev/null || { echo "no covered edge"; exit 1; }
sed 's/"returns":"INVITATION_API_CALL_ERR_ALREADY_ACCEPT"/"returns":"INVITATION_API_CALL_ERR_OK"/' \
  Traces/generated/invitation-01.jsonl > "$tmp/traces/bad.jsonl"
set +e; "$BIN" render Models/invitation.yaml --view 'alice.local[bob]' --uncovered --traces "$tmp/traces" \
  --format dot -o "$tmp/bad.dot" 2>"$tmp/err.txt"; rc=$?; set -e
[ "$rc" -eq 1 ] || { echo "render --uncovered with a failing trace should exit 1, got $rc"; exit 1; }
grep -q "^$tmp/traces/bad.jsonl:42: " "$tmp/err.txt" || { echo "the failing trace should be named at line 42:"; cat "$tmp/err.txt"; exit 1; }
"$BIN" render Models/invitation.yaml --view 'alice.local[bob]' --highlight Traces/generated/invitation-03.jsonl \
  --format dot | grep -q 'color="#1565c0"' || { echo "render --highlight TRACE.jsonl drew no path"; exit 1; }
rm -rf "$tmp"
echo "cli-checks: render --uncovered passed"
echo "== rtmcheck bench (callers1-online N=3 exhausted: same verdict and counts for 1 and 2 workers; symmetry folds it; partial-order reduction shrinks it)"
tmp="$(mktemp -d)"
"$BIN" bench bench-invitation-callers1-online --workers 1 --no-partial-order --json > "$tmp/w1.json"
"$BIN" bench bench-invitation-callers1-online --workers 2 --no-partial-order --json > "$tmp/w2.json"
"$BIN" bench bench-invitation-callers1-online --workers 2 --no-partial-order --no-symmetry --json > "$tmp/full.json"
"$BIN" bench bench-invitation-callers1-online --workers 1 --json > "$tmp/por1.json"
"$BIN" bench bench-invitation-callers1-online --workers 2 --json > "$tmp/por2.json"
"$BIN" bench bench-invitation-callers1-online --workers 2 --pack-frontier always --json > "$tmp/packed.json"
"$BIN" bench bench-invitation-callers1-online --workers 1 --no-partial-order --pack-frontier always --json > "$tmp/packed-full.json"
"$BIN" bench bench-invitation-callers1-online --workers 2 --no-partial-order --store compact --json > "$tmp/compact.json"
jemalloc=0; if pkg-config --exists jemalloc 2>/dev/null && [ -z "${RTMCHECK_NO_JEMALLOC:-}" ]; then jemalloc=1; fi
python3 - "$tmp" "$jemalloc" <<'PY'
import json, sys
d = sys.argv[1]
w1, w2, full = (json.load(open(f"{d}/{n}.json")) for n in ("w1", "w2", "full"))
# The allocator is named: jemalloc wherever the build found it.
assert w1["allocator"].startswith("jemalloc " if sys.argv[2] == "1" else "system malloc"), w1["allocator"]
# The symmetry sample before the search is timed apart (none without symmetry).
assert w1["symmetrySampleSeconds"] > 0 and full["symmetrySampleSeconds"] == 0, (w1, full)
for r in (w1, w2, full):
    assert r["verdict"] == "pass (exhausted)", r
assert (w1["states"], w1["transitions"], w1["depth"]) == (w2["states"], w2["transitions"], w2["depth"]), (w1, w2)
assert w1["symmetry"] == "[c1, c2]" and full["symmetry"] == "", (w1, full)
# A group of two folds at most 2 renamings into one class, and dropped serials (one invitation per
# ordered pair) at most the 2 orders in which c0 created its two invitations. Forgetting how settled
# invitations ended folds a little more (20,217 to 17,409 states here): 4x is still a bound that a
# fold of states that behave differently would break.
assert w1["states"] < full["states"] <= 4 * w1["states"], (w1["states"], full["states"])
assert 0 < w1["storedBytesPerState"] < 2000, w1
# The checker's tables: exact storage's overhead beside the states includes the visited store; compact
# storage holds no states, and finds the same states.
assert 0 < w1["visitedBytesPerState"] < w1["overheadBytesPerState"] < w1["storedBytesPerState"], w1
compact = json.load(open(f"{d}/compact.json"))
assert (compact["states"], compact["transitions"]) == (w1["states"], w1["transitions"]), (compact, w1)
assert 0 < compact["visitedBytesPerState"] < compact["overheadBytesPerState"] == compact["storedBytesPerState"], compact
# Partial-order reduction (bench's default): the same verdict on fewer states, identical for 1 and 2 workers.
por1, por2 = (json.load(open(f"{d}/{n}.json")) for n in ("por1", "por2"))
assert por1["partialOrder"] and not w1["partialOrder"], (por1, w1)
assert por1["verdict"] == por2["verdict"] == "pass (exhausted)", (por1, por2)
assert (por1["states"], por1["transitions"], por1["depth"]) == (por2["states"], por2["transitions"], por2["depth"])
assert por1["states"] < w1["states"], (por1["states"], w1["states"])
# A packed frontier (state encodings, decoded when expanded) changes nothing but time and memory.
packed, packed_full = (json.load(open(f"{d}/{n}.json")) for n in ("packed", "packed-full"))
assert packed["frontier"] == "always" and por2["frontier"] == "auto", (packed, por2)
for a, b in ((packed, por2), (packed_full, w1)):
    assert (a["verdict"], a["states"], a["transitions"], a["depth"]) == (b["verdict"], b["states"], b["transitions"], b["depth"]), (a, b)
PY
set +e; "$BIN" bench bench-invitation-callers1-online --pack-frontier sometimes >/dev/null 2>"$tmp/err.txt"; rc=$?; set -e
[ "$rc" -eq 64 ] && grep -q "auto" "$tmp/err.txt" \
  || { echo "--pack-frontier sometimes should be refused (64) naming the choices, got $rc: $(cat "$tmp/err.txt")"; exit 1; }
"$BIN" check Models/channel.yaml --partial-order --no-timing > "$tmp/channel-por.txt"
grep -q "channel: PASS" "$tmp/channel-por.txt" && grep -q "(partial-order reduced)" "$tmp/channel-por.txt" \
  || { echo "check --partial-order on channel.yaml: $(cat "$tmp/channel-por.txt")"; exit 1; }
set +e; "$BIN" check Models/channel.yaml --partial-order --strategy dfs >/dev/null 2>"$tmp/err.txt"; rc=$?; set -e
[ "$rc" -eq 64 ] && grep -q "needs --strategy bfs" "$tmp/err.txt" \
  || { echo "--partial-order with dfs should be refused (64), got $rc: $(cat "$tmp/err.txt")"; exit 1; }
set +e; "$BIN" check Models/channel.yaml --pack-frontier always --strategy dfs >/dev/null 2>"$tmp/err.txt"; rc=$?; set -e
[ "$rc" -eq 64 ] && grep -q "needs --strategy bfs" "$tmp/err.txt" \
  || { echo "--pack-frontier with dfs should be refused (64), got $rc: $(cat "$tmp/err.txt")"; exit 1; }
sed 's/^symmetry: .*/symmetry: [[c0, c1]]/' Models/bench-invitation-callers1-online.yaml > "$tmp/asymmetric.yaml"
set +e; "$BIN" check "$tmp/asymmetric.yaml" >/dev/null 2>"$tmp/err.txt"; rc=$?; set -e
[ "$rc" -eq 64 ] || { echo "an asymmetric symmetry declaration should exit 64, got $rc"; exit 1; }
grep -q "are not interchangeable" "$tmp/err.txt" || { echo "the refusal should say why: $(cat "$tmp/err.txt")"; exit 1; }
rm -rf "$tmp"

echo "== rtmcheck bench --merge-steps (callers1-online N=3: the verdict of the reduced run on fewer stored states, identical for 1 and 2 workers; refused without the reduction)"
tmp="$(mktemp -d)"
"$BIN" bench bench-invitation-callers1-online --workers 2 --json > "$tmp/por.json"
"$BIN" bench bench-invitation-callers1-online --workers 1 --merge-steps --json > "$tmp/m1.json"
"$BIN" bench bench-invitation-callers1-online --workers 2 --merge-steps --json > "$tmp/m2.json"
"$BIN" bench bench-invitation-callers1-online --merge-steps > "$tmp/m.txt"
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
por, m1, m2 = (json.load(open(f"{d}/{n}.json")) for n in ("por", "m1", "m2"))
for r in (por, m1, m2):
    assert r["verdict"].startswith("pass (exhausted)"), r
assert "mergedSteps" not in por and m1["mergedSteps"] > 0, (por, m1)
assert m1["states"] < por["states"], (m1["states"], por["states"])
assert (m1["states"], m1["transitions"], m1["depth"], m1["mergedSteps"]) == (m2["states"], m2["transitions"], m2["depth"], m2["mergedSteps"]), (m1, m2)
PY
grep -q "single-successor steps merged" "$tmp/m.txt" || { echo "bench should say it merged steps: $(cat "$tmp/m.txt")"; exit 1; }
rc=0; "$BIN" bench bench-invitation-callers1-online --merge-steps --no-partial-order > /dev/null 2> "$tmp/err.txt" || rc=$?
[ "$rc" -eq 64 ] || { echo "--merge-steps without the reduction should exit 64, got $rc"; exit 1; }
grep -q "needs partial-order reduction" "$tmp/err.txt" || { echo "the refusal should say why: $(cat "$tmp/err.txt")"; exit 1; }
rc=0; "$BIN" check Models/invitation.yaml --merge-steps > /dev/null 2> "$tmp/err.txt" || rc=$?
[ "$rc" -eq 64 ] || { echo "check --merge-steps without --partial-order should exit 64, got $rc"; exit 1; }
grep -q "needs --partial-order" "$tmp/err.txt" || { echo "the refusal should say why: $(cat "$tmp/err.txt")"; exit 1; }
rm -rf "$tmp"

echo "cli-checks: all passed"
