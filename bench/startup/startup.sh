#!/usr/bin/env bash
# Start-up of `qabot serve` (process start to /readyz 200, on a data dir whose store exists) and
# of one `qabot ask`, measured in the same run so the figures read as ratios:
#   cold      this jar, no knowledge-index.bin / knowledge-corpus.bin in the data dir (everything analysed)
#   baseline  BASELINE_JAR (the code before a change, built elsewhere) on its own warm data dir
#   warm      this jar on its warm data dir (index and corpus decoded)
# and `ask` also as the launcher runs it (class-data-sharing archive; ask without C2), for the
# baseline with the launcher options it had (the archive only). `serve` is measured also as the
# launcher runs it (LAUNCHER_OPTS, read from ./qabot, and an archive that a serve run wrote), for
# the baseline with the same options and its own serve-made archive, so that ratio is the code's
# alone. Rounds alternate the variants; medians of wall time, CPU time (user + system: what the
# start cost, whatever else shares the cores) and RSS at ready.
#
#   bench/startup/startup.sh                                   # the SOFA corpus, 5 rounds, no baseline
#   BASELINE_JAR=/tmp/base/app/target/qabot.jar ROUNDS=3 bench/startup/startup.sh
#   ROUNDS=3 KNOWLEDGE=/tmp/synthetic-100000,../shared/corpus/sofa-weekly QABOT_JAVA_OPTS=-Xmx2g bench/startup/startup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=$(cd ../shared && pwd)
KNOWLEDGE=${KNOWLEDGE:-$SHARED/corpus/sofa-weekly,$SHARED/corpus/faq}
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18097}
BASELINE_JAR=${BASELINE_JAR:-}
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }; rm -rf "$WORK"; }
trap cleanup EXIT
./qabot --help >/dev/null
JAR=app/target/qabot.jar
OPTS=${QABOT_JAVA_OPTS:--Xmx384m}
# as in the launcher, QABOT_JAVA_OPTS replaces its options (100k items need -Xmx2g)
LAUNCHER_OPTS=${LAUNCHER_OPTS:-${QABOT_JAVA_OPTS:-$(sed -n 's/^opts=\${QABOT_JAVA_OPTS:-\(.*\)}$/\1/p' qabot)}}
[ -n "$LAUNCHER_OPTS" ] || { echo "startup: cannot read the JVM options from ./qabot" >&2; exit 2; }
Q="请问 jraft 支持跨机房部署吗"

serve_ms() { # $1 jar, $2 data dir, $3... JVM options (default $OPTS): wall ms, RSS MiB at ready, CPU ms
  local jar=$1 dir=$2; shift 2
  [ $# -gt 0 ] || set -- $OPTS
  local start; start=$(date +%s%N)
  QABOT_HTTP_PORT=$PORT QABOT_DATA_DIR="$dir" QABOT_KNOWLEDGE="$KNOWLEDGE" java "$@" -jar "$jar" serve >"$dir.log" 2>&1 & PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { cat "$dir.log" >&2; echo "startup: qabot exited" >&2; exit 1; }
    sleep 0.02
  done
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")" \
    "$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.0f", ($12 + $13) * 1000 / hz}' "/proc/$PID/stat")"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

ask_ms() { # $1 jar, $2 data dir, $3... extra JVM options: wall ms and CPU ms for one `qabot ask`
  local jar=$1 dir=$2; shift 2
  local start; start=$(date +%s%N)
  QABOT_DATA_DIR="$dir" QABOT_KNOWLEDGE="$KNOWLEDGE" /usr/bin/time -f '%U %S' -o "$dir.ask.cpu" \
    java "$@" $OPTS -jar "$jar" ask "$Q" >"$dir.ask.out" 2>"$dir.ask.log"
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $(awk '{printf "%.0f", ($1 + $2) * 1000}' "$dir.ask.cpu")"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
cds() { echo "-XX:SharedArchiveFile=$1 -Xlog:cds=off -Xlog:cds+dynamic=off"; }

variants="cold warm"
mkdir -p "$WORK/warm"
serve_ms "$JAR" "$WORK/warm" >/dev/null # writes the index and corpus files (and the store) once
ask_ms "$JAR" "$WORK/warm" -XX:ArchiveClassesAtExit="$WORK/warm.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
serve_ms "$JAR" "$WORK/warm" $LAUNCHER_OPTS -XX:ArchiveClassesAtExit="$WORK/warm-serve.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
if [ -n "$BASELINE_JAR" ]; then
  variants="cold baseline warm"
  mkdir -p "$WORK/baseline"
  serve_ms "$BASELINE_JAR" "$WORK/baseline" >/dev/null
  ask_ms "$BASELINE_JAR" "$WORK/baseline" -XX:ArchiveClassesAtExit="$WORK/baseline.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
  serve_ms "$BASELINE_JAR" "$WORK/baseline" $LAUNCHER_OPTS -XX:ArchiveClassesAtExit="$WORK/baseline-serve.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
fi
for round in $(seq "$ROUNDS"); do
  rm -rf "$WORK/cold"; cp -a "$WORK/warm" "$WORK/cold"; rm -f "$WORK/cold/knowledge-index.bin" "$WORK/cold/knowledge-corpus.bin"
  serve_ms "$JAR" "$WORK/cold" >>"$WORK/serve-cold"
  if [ -n "$BASELINE_JAR" ]; then
    serve_ms "$BASELINE_JAR" "$WORK/baseline" >>"$WORK/serve-baseline"
    serve_ms "$BASELINE_JAR" "$WORK/baseline" $LAUNCHER_OPTS $(cds "$WORK/baseline-serve.jsa") >>"$WORK/serve-launcher-baseline"
  fi
  serve_ms "$JAR" "$WORK/warm" >>"$WORK/serve-warm"
  serve_ms "$JAR" "$WORK/warm" $LAUNCHER_OPTS $(cds "$WORK/warm-serve.jsa") >>"$WORK/serve-launcher-warm"
  rm -f "$WORK/cold/knowledge-index.bin" "$WORK/cold/knowledge-corpus.bin"; ask_ms "$JAR" "$WORK/cold" >>"$WORK/ask-cold"
  if [ -n "$BASELINE_JAR" ]; then
    ask_ms "$BASELINE_JAR" "$WORK/baseline" >>"$WORK/ask-baseline"
    ask_ms "$BASELINE_JAR" "$WORK/baseline" $(cds "$WORK/baseline.jsa") >>"$WORK/ask-launcher-baseline"
  fi
  ask_ms "$JAR" "$WORK/warm" >>"$WORK/ask-warm"
  ask_ms "$JAR" "$WORK/warm" $(cds "$WORK/warm.jsa") -XX:TieredStopAtLevel=1 >>"$WORK/ask-launcher-warm"
  echo "round $round (serve: wall ms, RSS MiB, CPU ms; ask: wall ms, CPU ms):" \
    "$(for v in $variants; do printf '%s serve %s ask %s; ' "$v" "$(tail -1 "$WORK/serve-$v")" "$(tail -1 "$WORK/ask-$v")"; done)" >&2
done
grep -h 'knowledge index:' "$WORK/warm.log" >&2 || true
if ! cmp -s "$WORK/warm.ask.out" "$WORK/cold.ask.out"; then echo "startup: warm and cold ask answered differently" >&2; exit 1; fi
col() { cut -d' ' -f"$2" "$WORK/$1" | median; }
ratio() { echo "$1 $2" | awk '{printf "%.2fx", $2 / $1}'; }
printf "SUMMARY %-34s %10s" "median of $ROUNDS" "cold"
[ -n "$BASELINE_JAR" ] && printf " %10s %7s" "baseline" "÷cold"
printf " %10s %7s" "warm" "÷cold"; [ -n "$BASELINE_JAR" ] && printf " %7s" "÷base"; echo
row() { # $1 label, $2 file prefix, $3 column, $4 unit
  local c w b=; c=$(col "$2-cold" "$3"); w=$(col "$2-warm" "$3")
  printf "SUMMARY %-34s %7s %s" "$1" "$c" "$4"
  if [ -n "$BASELINE_JAR" ]; then b=$(col "$2-baseline" "$3"); printf " %7s %s %7s" "$b" "$4" "$(ratio "$c" "$b")"; fi
  printf " %7s %s %7s" "$w" "$4" "$(ratio "$c" "$w")"; [ -n "$b" ] && printf " %7s" "$(ratio "$b" "$w")"; echo
}
row "serve: start to /readyz 200" serve 1 ms
row "serve: CPU time to ready" serve 3 ms
row "serve: RSS at ready" serve 2 MiB
row "ask (java -jar): wall" ask 1 ms
row "ask (java -jar): CPU" ask 2 ms
if [ -n "$BASELINE_JAR" ]; then
  for c in "1 wall" "3 CPU" "2 RSS"; do
    set -- $c
    printf "SUMMARY %-34s baseline %6s, warm %6s (%s)\n" "serve as the launcher runs it: $2" \
      "$(col serve-launcher-baseline "$1")" "$(col serve-launcher-warm "$1")" \
      "$(ratio "$(col serve-launcher-baseline "$1")" "$(col serve-launcher-warm "$1")")"
  done
  printf "SUMMARY %-34s baseline %6s ms, warm %6s ms (%s)\n" "ask as the launcher runs it: wall" \
    "$(col ask-launcher-baseline 1)" "$(col ask-launcher-warm 1)" "$(ratio "$(col ask-launcher-baseline 1)" "$(col ask-launcher-warm 1)")"
  printf "SUMMARY %-34s baseline %6s ms, warm %6s ms (%s)\n" "ask as the launcher runs it: CPU" \
    "$(col ask-launcher-baseline 2)" "$(col ask-launcher-warm 2)" "$(ratio "$(col ask-launcher-baseline 2)" "$(col ask-launcher-warm 2)")"
else
  printf "SUMMARY %-34s %6s ms wall, %6s ms CPU, %6s MiB\n" "serve as the launcher runs it (warm)" \
    "$(col serve-launcher-warm 1)" "$(col serve-launcher-warm 3)" "$(col serve-launcher-warm 2)"
  printf "SUMMARY %-34s %6s ms wall, %6s ms CPU\n" "ask as the launcher runs it (warm)" "$(col ask-launcher-warm 1)" "$(col ask-launcher-warm 2)"
fi
echo "SUMMARY knowledge: $KNOWLEDGE; JVM options $OPTS (as the launcher runs serve: $LAUNCHER_OPTS); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
