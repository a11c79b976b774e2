#!/usr/bin/env bash
# Start-up with and without the persisted index (knowledge-index.bin in the data dir), in the
# same run so the figures read as ratios: for each round, a restart of `qabot serve` (process
# start to /readyz 200) on a data dir whose store exists, once without the index file (the
# baseline: every item analysed, as before the index was persisted) and once with it; then
# `qabot ask` the same way. Prints the median of each.
#
#   bench/startup/startup.sh                          # the SOFA corpus, 5 rounds
#   ROUNDS=3 KNOWLEDGE=/tmp/synthetic-100000,../shared/corpus/sofa-weekly bench/startup/startup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=$(cd ../shared && pwd)
KNOWLEDGE=${KNOWLEDGE:-$SHARED/corpus/sofa-weekly,$SHARED/corpus/faq}
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18097}
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }; rm -rf "$WORK"; }
trap cleanup EXIT
./qabot --help >/dev/null
JAR=app/target/qabot.jar

serve_ms() { # $1 data dir: ms from start to /readyz 200, and RSS at ready
  local start; start=$(date +%s%N)
  QABOT_HTTP_PORT=$PORT QABOT_DATA_DIR="$1" QABOT_KNOWLEDGE="$KNOWLEDGE" \
    java ${QABOT_JAVA_OPTS:--Xmx384m} -jar "$JAR" serve >"$1.log" 2>&1 & PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { cat "$1.log" >&2; echo "startup: qabot exited" >&2; exit 1; }
    sleep 0.02
  done
  # wall ms, RSS MiB, CPU ms (user + system: what the start cost, whatever else shares the cores)
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")" \
    "$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.0f", ($12 + $13) * 1000 / hz}' "/proc/$PID/stat")"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

ask_ms() { # $1 data dir: wall ms and CPU ms for one `qabot ask`
  local start; start=$(date +%s%N)
  QABOT_DATA_DIR="$1" QABOT_KNOWLEDGE="$KNOWLEDGE" /usr/bin/time -f '%U %S' -o "$1.ask.cpu" \
    java ${QABOT_JAVA_OPTS:--Xmx384m} -jar "$JAR" ask "请问 jraft 支持跨机房部署吗" >/dev/null 2>"$1.ask.log"
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $(awk '{printf "%.0f", ($1 + $2) * 1000}' "$1.ask.cpu")"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

mkdir -p "$WORK/warm"
serve_ms "$WORK/warm" >/dev/null # writes the index file (and the store) once
for round in $(seq "$ROUNDS"); do
  rm -rf "$WORK/cold"; cp -a "$WORK/warm" "$WORK/cold"; rm "$WORK/cold/knowledge-index.bin"
  serve_ms "$WORK/cold" | tee -a "$WORK/serve-cold" >/dev/null
  serve_ms "$WORK/warm" | tee -a "$WORK/serve-warm" >/dev/null
  rm -f "$WORK/cold/knowledge-index.bin"; ask_ms "$WORK/cold" >>"$WORK/ask-cold"
  ask_ms "$WORK/warm" >>"$WORK/ask-warm"
  echo "round $round (wall ms, RSS MiB, CPU ms): serve $(tail -1 "$WORK/serve-cold") -> $(tail -1 "$WORK/serve-warm")," \
    "ask $(tail -1 "$WORK/ask-cold") -> $(tail -1 "$WORK/ask-warm")" >&2
done
grep -h 'knowledge index:' "$WORK/warm.log" >&2 || true
sc=$(cut -d' ' -f1 "$WORK/serve-cold" | median); sw=$(cut -d' ' -f1 "$WORK/serve-warm" | median)
ac=$(cut -d' ' -f1 "$WORK/ask-cold" | median); aw=$(cut -d' ' -f1 "$WORK/ask-warm" | median)
scc=$(cut -d' ' -f3 "$WORK/serve-cold" | median); swc=$(cut -d' ' -f3 "$WORK/serve-warm" | median)
acc=$(cut -d' ' -f2 "$WORK/ask-cold" | median); awc=$(cut -d' ' -f2 "$WORK/ask-warm" | median)
rc=$(cut -d' ' -f2 "$WORK/serve-cold" | median); rw=$(cut -d' ' -f2 "$WORK/serve-warm" | median)
printf "SUMMARY %-28s %12s %12s %7s\n" "median of $ROUNDS" "no index file" "index file" ratio
printf "SUMMARY %-28s %9s ms %9s ms %6.2fx\n" "serve: start to /readyz 200" "$sc" "$sw" "$(echo "$sw / $sc" | bc -l)"
printf "SUMMARY %-28s %9s ms %9s ms %6.2fx\n" "serve: CPU time to ready" "$scc" "$swc" "$(echo "$swc / $scc" | bc -l)"
printf "SUMMARY %-28s %8s MiB %8s MiB\n" "serve: RSS at ready" "$rc" "$rw"
printf "SUMMARY %-28s %9s ms %9s ms %6.2fx\n" "qabot ask (one question)" "$ac" "$aw" "$(echo "$aw / $ac" | bc -l)"
printf "SUMMARY %-28s %9s ms %9s ms %6.2fx\n" "qabot ask: CPU time" "$acc" "$awc" "$(echo "$awc / $acc" | bc -l)"
echo "SUMMARY knowledge: $KNOWLEDGE; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
