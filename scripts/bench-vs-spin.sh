#!/usr/bin/env bash
# Runs Spin's invitation model and our checker on the same protocol and bounds, back to back on
# this machine, and prints both with the ratio of their times.
#
#   scripts/bench-vs-spin.sh                     the callers1 and callers1-online families at N=3 and N=4
#                                                (where a scenario exists), Spin nored + por, ours on 1 and
#                                                2 workers, twice
#   scripts/bench-vs-spin.sh --family full --n "3" --workers "1 2" --repeat 2 --spin-minutes 3
#   scripts/bench-vs-spin.sh --spin-only         only Spin (no Swift build)
#
# Options (environment variables of the same name in capitals work too):
#   --family LIST       protocol families (default "callers1 callers1-online"):
#                         full             CALLERS=N MAXLOGOUT=1  Models/bench-invitation.yaml, -n4, -n5
#                         callers1         CALLERS=1 MAXLOGOUT=1  Models/bench-invitation-callers1.yaml (N=3)
#                         callers1-online  CALLERS=1 MAXLOGOUT=0  Models/bench-invitation-callers1-online.yaml, -n4
#                         online           CALLERS=N MAXLOGOUT=0  Models/bench-invitation-online.yaml (N=3)
#                       (Spin exhausts full and online only at N=2; callers1 at N=3; callers1-online at N=3 and N=4)
#   --n LIST            client counts (default "3 4"); a family/N pair without a scenario file is skipped
#   --workers LIST      our worker counts (default "1 2")
#   --repeat K          runs of each configuration (default 2)
#   --spin-minutes M    Spin's time limit per run, pan -Q (default 3)
#   --ours-seconds S    our time limit per run, bench --time (default 600)
#   --spin-modes LIST   Spin modes: nored (-DSAFETY -DNOREDUCE), por (-DSAFETY, default reduction)
#   --memlim-mb MB      Spin's memory limit, -DMEMLIM (default 12000)
#   --store S           our --store (exact|compact|bitstate; default exact)
#   --ours-modes LIST   our reductions: por (partial-order reduction, bench's default) and nored
#                       (--no-partial-order: every interleaving); default "por nored". Each is set
#                       against Spin's mode of the same name in the ratios.
#   --extra "ARGS"      more arguments for `rtmcheck bench`
#   --spin-only / --ours-only
#   RTMCHECK_BIN=path   use this rtmcheck binary instead of building one
#   PRIORITY=1          run each measured command in its own session with autogroup nice -20 (root):
#                       on a machine shared with builds, the only way to get both cores for a run
#
# Same protocol: invitation.pml with QSZ=2 and the family's CALLERS and MAXLOGOUT (one invitation per
# ordered pair, at most one logout per client), the bounds of Models/bench-invitation*.yaml.
# Promela interleaves at statement level, so the state counts differ; compare the time to a verdict.
#
# Needs: spin, gcc, python3 and (for ours) swift. Writes nothing outside a temporary directory.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
PML=${PML:-/work/shared/bench/spin/invitation.pml}
NS=${N_LIST:-"3 4"}
FAMILIES=${FAMILIES:-"callers1 callers1-online"}
WORKERS=${WORKERS:-"1 2"}
REPEAT=${REPEAT:-2}
SPIN_MINUTES=${SPIN_MINUTES:-3}
OURS_SECONDS=${OURS_SECONDS:-600}
SPIN_MODES=${SPIN_MODES:-"nored por"}
MEMLIM_MB=${MEMLIM_MB:-12000}
STORE=${STORE:-exact}
OURS_MODES=${OURS_MODES:-"por nored"}
EXTRA=${EXTRA:-}
RUN_SPIN=1
RUN_OURS=1
while [ $# -gt 0 ]; do
  case $1 in
    --n) NS=$2; shift 2 ;;
    --family) FAMILIES=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --spin-minutes) SPIN_MINUTES=$2; shift 2 ;;
    --ours-seconds) OURS_SECONDS=$2; shift 2 ;;
    --spin-modes) SPIN_MODES=$2; shift 2 ;;
    --memlim-mb) MEMLIM_MB=$2; shift 2 ;;
    --store) STORE=$2; shift 2 ;;
    --ours-modes) OURS_MODES=$2; shift 2 ;;
    --extra) EXTRA=$2; shift 2 ;;
    --spin-only) RUN_OURS=0; shift ;;
    --ours-only) RUN_SPIN=0; shift ;;
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done

WORK=$(mktemp -d /tmp/bench-vs-spin.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
ROWS=$WORK/rows.tsv
: > "$ROWS"

# prio CMD...: runs CMD in a new session whose autogroup has nice -20 when PRIORITY=1.
prio() {
  if [ "${PRIORITY:-0}" = 1 ]; then
    setsid sh -c 'echo -20 > /proc/$$/autogroup 2>/dev/null; exec nice -n -20 "$@"' sh "$@"
  else
    "$@"
  fi
}

# scenario FAMILY N -> our scenario name (Models/<name>.yaml)
scenario() {
  local base
  case $1 in
    full) base=bench-invitation ;;
    callers1) base=bench-invitation-callers1 ;;
    callers1-online) base=bench-invitation-callers1-online ;;
    online) base=bench-invitation-online ;;
    *) echo "unknown family $1" >&2; return 1 ;;
  esac
  if [ "$2" = 3 ]; then echo "$base"; else echo "$base-n$2"; fi
}

# spin_params FAMILY N -> -D flags for spin
spin_params() {
  case $1 in
    full) echo "-DN=$2 -DQSZ=2 -DMAXLOGOUT=1 -DCALLERS=$2" ;;
    callers1) echo "-DN=$2 -DQSZ=2 -DMAXLOGOUT=1 -DCALLERS=1" ;;
    callers1-online) echo "-DN=$2 -DQSZ=2 -DMAXLOGOUT=0 -DCALLERS=1" ;;
    online) echo "-DN=$2 -DQSZ=2 -DMAXLOGOUT=0 -DCALLERS=$2" ;;
  esac
}

spin_flags() {
  case $1 in
    nored) echo "-DSAFETY -DNOREDUCE" ;;
    por) echo "-DSAFETY" ;;
    *) echo "unknown Spin mode $1" >&2; return 1 ;;
  esac
}

# run_spin FAMILY N MODE RUN -> appends one row
run_spin() {
  local family=$1 n=$2 mode=$3 run=$4 d="$WORK/spin-$1-$2-$3"
  if [ ! -x "$d/pan" ]; then
    mkdir -p "$d" && cp "$PML" "$d/invitation.pml"
    ( cd "$d" && spin $(spin_params "$family" "$n") -a invitation.pml >/dev/null &&
      gcc -O2 -w $(spin_flags "$mode") -DMEMLIM="$MEMLIM_MB" -o pan pan.c ) || { echo "Spin build failed (N=$n $mode)" >&2; return; }
  fi
  ( cd "$d" && prio /usr/bin/time -f 'MAXRSS_KB %M WALL_S %e' ./pan -m100000 -Q"$SPIN_MINUTES" ) > "$d/log.$run" 2>&1
  python3 - "$d/log.$run" "$family" "$n" "$mode" "$run" >> "$ROWS" <<'PY'
import re, sys
log, family, n, mode, run = sys.argv[1:]
t = open(log).read()
def num(pat, default='0'):
    m = re.search(pat, t)
    return m.group(1) if m else default
states = float(num(r'\n\s*([\d.e+]+) states, stored'))
trans = float(num(r'\n\s*([\d.e+]+) transitions \(= stored\+matched\)'))
secs = float(num(r'pan: elapsed time ([\d.e+]+) seconds'))
wall = float(num(r'WALL_S ([\d.]+)'))
rss = int(num(r'MAXRSS_KB (\d+)')) * 1024
store_mb = float(num(r'\n\s*([\d.]+)\s+actual memory usage for states', '0'))
errors = num(r'errors: (\d+)', '?')
if 'Time limit of' in t: verdict = 'time limit'
elif 'MEMLIM' in t and 'reached' in t: verdict = 'memory limit'
elif 'Search not completed' in t: verdict = 'incomplete'
elif errors == '0': verdict = 'passed'
else: verdict = 'errors=%s' % errors
bps = store_mb * 1048576 / states if states else 0
print('\t'.join(map(str, [family, n, 'spin', mode, run, int(states), int(trans), secs or wall,
                          states / (secs or wall or 1), round(bps), rss, 1, verdict])))
PY
}

BIN=
build_ours() {
  if [ -n "${RTMCHECK_BIN:-}" ]; then BIN=$RTMCHECK_BIN; return; fi
  echo "building rtmcheck (release) ..." >&2
  swift build -c release --product rtmcheck >&2 || { echo "swift build failed" >&2; exit 1; }
  BIN="$(swift build -c release --show-bin-path)/rtmcheck"
}

# run_ours FAMILY N WORKERS RUN MODE -> appends one row
run_ours() {
  local family=$1 n=$2 w=$3 run=$4 mode=$5 out="$WORK/ours-$1-$2-$3.$4.$5.json" flag=--partial-order
  [ "$mode" = nored ] && flag=--no-partial-order
  prio "$BIN" bench "$(scenario "$family" "$n")" --workers "$w" --store "$STORE" --time "$OURS_SECONDS" $flag --json $EXTRA > "$out" 2> "$out.err"
  python3 - "$out" "$family" "$n" "$w" "$run" "$mode" >> "$ROWS" <<'PY'
import json, sys
path, family, n, w, run, mode = sys.argv[1:]
try:
    r = json.load(open(path))
except Exception as e:
    print('\t'.join([family, n, 'ours', mode, run, '0', '0', '0', '0', '0', '0', w, 'failed: %s' % e])); sys.exit()
print('\t'.join(map(str, [family, n, 'ours', mode + '/' + r.get('store', ''), run, r['states'], r['transitions'], r['seconds'],
                          r['statesPerSecond'], round(r['storedBytesPerState']), r['peakMemoryBytes'], r['workers'],
                          r['verdict']])))
PY
}

echo "# $(date -u) | $(spin -V 2>/dev/null | head -1) | gcc $(gcc -dumpversion) | $(nproc) cpus | load $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$RUN_OURS" = 1 ] && build_ours
for family in $FAMILIES; do
  for n in $NS; do
    name=$(scenario "$family" "$n") || exit 64
    if [ ! -f "Models/$name.yaml" ]; then echo "# skipped $family N=$n: no Models/$name.yaml" >&2; continue; fi
    for run in $(seq 1 "$REPEAT"); do
      if [ "$RUN_SPIN" = 1 ]; then
        for mode in $SPIN_MODES; do run_spin "$family" "$n" "$mode" "$run"; done
      fi
      if [ "$RUN_OURS" = 1 ]; then
        for mode in $OURS_MODES; do
          for w in $WORKERS; do run_ours "$family" "$n" "$w" "$run" "$mode"; done
        done
      fi
    done
  done
done

python3 - "$ROWS" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
print('| family | N | checker | mode | run | states | transitions | seconds | states/s | bytes/state | peak MB | workers | verdict |')
print('|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|')
for r in rows:
    family, n, tool, mode, run, st, tr, s, sps, bps, rss, w, verdict = r
    print('| %s | %s | %s | %s | %s | {:,} | {:,} | %.2f | {:,} | %s | {:,} | %s | %s |'.format(
        int(st), int(tr), int(float(sps)), int(rss) // 1048576) % (family, n, tool, mode, run, float(s), bps, w, verdict))
print()
print('bytes/state: Spin, its state store (actual memory usage for states / stored); ours, the checker\'s tables')
print('(visited store, parent links, state encodings). Peak MB is the whole process for both.')
print()
print('Ratios (best of the runs; > 1 means ours is faster; a Spin run that hit its limit is a lower bound):')
best = {}
for r in rows:
    key = (r[0], r[1], r[2], r[3] if r[2] == 'spin' else r[3].split('/')[0] + ' workers=' + r[11])
    secs = float(r[7])
    if secs > 0 and (key not in best or secs < best[key][0]):
        best[key] = (secs, r[12])
for (family, n, tool, mode), (secs, verdict) in sorted(best.items()):
    if tool != 'spin': continue
    for (f2, n2, tool2, w), (ours, v2) in sorted(best.items()):
        if f2 != family or n2 != n or tool2 != 'ours' or w.split(' ')[0] != mode: continue
        spin_bound = verdict in ('time limit', 'memory limit')
        ours_bound = not v2.startswith('pass') and not v2.startswith('fail')
        relation = '>= ' if spin_bound and not ours_bound else '<= ' if ours_bound and not spin_bound else '~ ' if spin_bound else ''
        print('  %s N=%s  Spin %-5s %8.2f s (%s)  vs ours %-10s %8.2f s (%s)  ratio %s%.3f' % (
            family, n, mode, secs, verdict, w, ours, v2, relation, secs / ours))
# 1 vs 2 workers: by time when both exhausted, else by states/s (a bounded run stops at the same time).
rates = {}
for r in rows:
    if r[2] != 'ours': continue
    key = (r[0], r[1], r[3].split('/')[0], r[11])
    rates[key] = max(rates.get(key, 0), float(r[8]))
for (family, n, mode) in sorted({(k[0], k[1], k[3].split(' ')[0]) for k in best if k[2] == 'ours'}):
    one = best.get((family, n, 'ours', mode + ' workers=1')); two = best.get((family, n, 'ours', mode + ' workers=2'))
    if not (one and two): continue
    if one[1].startswith('pass') and two[1].startswith('pass'):
        print('  %s N=%s %s  ours 1 worker %.2f s vs 2 workers %.2f s: speedup %.2f' % (
            family, n, mode, one[0], two[0], one[0] / two[0]))
    else:
        r1 = rates.get((family, n, mode, '1'), 0); r2 = rates.get((family, n, mode, '2'), 0)
        if r1 > 0:
            print('  %s N=%s %s  ours 1 worker %.0f states/s vs 2 workers %.0f states/s (bounded runs): speedup %.2f' % (
                family, n, mode, r1, r2, r2 / r1))
PY
