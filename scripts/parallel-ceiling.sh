#!/usr/bin/env bash
# How much faster 2 workers can be than 1 on this machine, and how close `rtmcheck bench` gets.
#
#   scripts/parallel-ceiling.sh                                  bench-invitation-callers1, 1 M states, twice
#   scripts/parallel-ceiling.sh bench-invitation-callers1-online-n4 --max-states 0 --repeat 3
#
# Each round runs, back to back, on the same scenario and bound:
#   alone   the 1-worker run by itself;
#   paired  two 1-worker runs at once, as separate processes: they share nothing but the machine
#           (cores, caches, memory bandwidth, the hypervisor), so together they do twice the work
#           in the time `paired`;
#   2w      the 2-worker run.
# and prints
#   ceiling  = 2 * alone / paired   the speedup of two processes that share no data: the most a
#                                   2-worker run can reach here;
#   achieved = alone / 2w           the 2-worker run's speedup;
#   of ceiling = achieved / ceiling what the checker's own sharing (and its serial phases) costs.
# Times are the wall times `rtmcheck bench` prints (the search, without start-up or the symmetry
# sample).
#
# Options:
#   --max-states N   bound of every run (default 1000000; 0 exhausts the scenario)
#   --store S        --store of every run (default compact)
#   --repeat K       rounds (default 2)
#   RTMCHECK_BIN=path   the binary (default: .build/release/rtmcheck, built if missing)
set -u
cd "$(dirname "$0")/.."
SCENARIO=bench-invitation-callers1
MAX_STATES=1000000
STORE=compact
REPEAT=2
while [ $# -gt 0 ]; do
  case $1 in
    --max-states) MAX_STATES=$2; shift 2 ;;
    --store) STORE=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "parallel-ceiling.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
    *) SCENARIO=$1; shift ;;
  esac
done
BIN=${RTMCHECK_BIN:-.build/release/rtmcheck}
if [ ! -x "$BIN" ]; then
  swift build -c release --product rtmcheck >&2 || exit 1
fi
ARGS=(bench "$SCENARIO" --store "$STORE")
[ "$MAX_STATES" != 0 ] && ARGS+=(--max-states "$MAX_STATES")

# The wall time of one run with `workers` workers (seconds), or an error on stderr.
run() {
  local out
  out=$("$BIN" "${ARGS[@]}" --workers "$1" 2>&1)
  local seconds
  seconds=$(printf '%s\n' "$out" | awk '/^  wall time/{print $3; exit}')
  if [ -z "$seconds" ]; then
    printf 'parallel-ceiling.sh: no wall time in the output of %s %s --workers %s:\n%s\n' \
      "$BIN" "${ARGS[*]}" "$1" "$out" >&2
    return 1
  fi
  echo "$seconds"
}

printf '%s, %s states, %s storage\n' "$SCENARIO" "$([ "$MAX_STATES" = 0 ] && echo all || echo "$MAX_STATES")" "$STORE"
printf '%-6s %8s %8s %8s %8s %8s %9s %11s\n' round alone paired-a paired-b 2w ceiling achieved "of ceiling"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for round in $(seq 1 "$REPEAT"); do
  alone=$(run 1) || exit 1
  run 1 >"$tmp/a" &
  first=$!
  run 1 >"$tmp/b" || exit 1
  wait "$first" || exit 1
  pa=$(cat "$tmp/a")
  pb=$(cat "$tmp/b")
  two=$(run 2) || exit 1
  awk -v r="$round" -v alone="$alone" -v pa="$pa" -v pb="$pb" -v two="$two" 'BEGIN {
    paired = (pa + pb) / 2
    ceiling = 2 * alone / paired
    achieved = alone / two
    printf "%-6s %8.2f %8.2f %8.2f %8.2f", r, alone, pa, pb, two
    printf " %7.2fx %8.2fx %10.0f%%\n", ceiling, achieved, 100 * achieved / ceiling
  }'
done
