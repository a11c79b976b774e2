#!/usr/bin/env bash
# Knowledge scale: the SOFA corpus alone, then grown to 10k and 100k items with synthetic FAQ
# entries spliced from its own questions and answers (SyntheticKnowledge). For each size:
#   - index build time and the heap the index holds (IndexScaleReport, in one JVM);
#   - one match, p50/p99 (JMH MatchBenchmark.match, sample mode);
#   - the real `qabot serve` reading the synthetic pages from disk: time from process start to
#     /readyz 200 (fresh data dir), heap after a full GC, RSS, and one answered question.
# A benchmark, not a CI gate. Needs ../shared beside the repository.
#
#   bench/scale/scale.sh                       # SIZES="0 10000 100000" (0 = the corpus alone)
#   SIZES="0 2000" JMH_ARGS="-wi 1 -i 1" bench/scale/scale.sh   # a quick check of the script
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=$(cd ../shared && pwd)
SIZES=${SIZES:-0 10000 100000}
PORT=${PORT:-18095}
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }; rm -rf "$WORK"; }
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

log "building the runnable jar (if stale) and the knowledge bench classes"
./qabot --help >/dev/null
mvn -q -B -ntp -pl knowledge -am -DskipTests test-compile >/dev/null
mvn -q -B -ntp -pl knowledge dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="knowledge/target/test-classes:knowledge/target/classes:$(cat "$WORK/cp.txt")"

log "index build time and heap (IndexScaleReport)"
java -Dqabot.shared="$SHARED" -Xmx4g -cp "$CP" io.qabot.knowledge.bench.IndexScaleReport $SIZES | tee "$WORK/index.txt" >&2

log "one match, p50/p99 (JMH)"
params=$(for s in $SIZES; do [ "$s" = 0 ] && printf 'corpus,' || printf '%s,' "$s"; done)
java -Dqabot.shared="$SHARED" -cp "$CP" org.openjdk.jmh.Main 'MatchBenchmark.match$' -p knowledge="${params%,}" \
  -jvmArgsAppend "-Dqabot.shared=$SHARED" -rf csv -rff "$WORK/jmh.csv" ${JMH_ARGS:-} >"$WORK/jmh.txt"
# "Benchmark","Mode",...,"Score",...,"Param: knowledge" (CRLF): the p0.50 and p0.99 rows, in microseconds
jmh() { awk -F, -v p="p$2\"" -v k="$1" '{sub(/\r$/, "")}
  index($1, "MatchBenchmark.match:") && substr($1, length($1) - length(p) + 1) == p && $NF == k {printf "%.2f", $5 / 1000}' "$WORK/jmh.csv"; }

for size in $SIZES; do
  knowledge="$SHARED/corpus/sofa-weekly,$SHARED/corpus/faq"
  if [ "$size" != 0 ]; then
    java -cp "$CP" io.qabot.knowledge.bench.SyntheticKnowledgeFiles "$SHARED" "$WORK/synthetic-$size" "$size" >&2
    knowledge="$knowledge,$WORK/synthetic-$size"
  fi
  log "qabot serve with $size items"
  start=$(date +%s%N)
  QABOT_HTTP_PORT=$PORT QABOT_DATA_DIR="$WORK/data-$size" QABOT_KNOWLEDGE="$knowledge" \
    ./qabot serve >"$WORK/serve-$size.log" 2>&1 & PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/serve-$size.log" >&2; echo "scale: qabot exited" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  decision=$(curl -s -X POST -H 'Content-Type: application/json' --data '{"text": "请问 jraft 支持跨机房部署吗"}' \
    "http://127.0.0.1:$PORT/api/v1/ask" | python3 -c 'import json, sys; print(json.load(sys.stdin)["decision"])')
  jcmd "$PID" GC.run >/dev/null
  heap=$(jcmd "$PID" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K.*/, "", v); printf "%.0f", v / 1024; exit}}')
  rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
  counts=$(grep -o 'knowledge: [0-9]* documents, [0-9]* items, [0-9]* turns' "$WORK/serve-$size.log" | awk '{print $4, $6}')
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  echo "$size $counts $ready_ms $heap $rss $decision" >>"$WORK/serve.txt"
done

echo
cat "$WORK/jmh.txt" | grep -E '^(Benchmark|MatchBenchmark)' >&2 || true
label() { [ "$1" = 0 ] && echo corpus || echo "$1"; }
row() { # n-th line of IndexScaleReport's table: built in X ms, index heap Y MiB
  awk -v n="$1" '/ items, / {i++; if (i == n) {for (j = 1; j <= NF; j++) {if ($j == "in") b = $(j + 1); if ($j == "heap") h = $(j + 1)}; print b, h}}' "$WORK/index.txt"
}
printf "SUMMARY %-8s %8s %8s | %12s %12s | %9s %9s | %13s %13s %9s %8s\n" knowledge items turns \
  "index build" "index heap" "match p50" "match p99" "serve: ready" "heap after GC" RSS answers
n=0
while read -r size items turns ready heap rss decision; do
  n=$((n + 1))
  read -r build iheap <<<"$(row $n)"
  printf "SUMMARY %-8s %8s %8s | %9s ms %8s MiB | %6s ms %6s ms | %10s ms %9s MiB %5s MiB %8s\n" "$(label "$size")" \
    "$items" "$turns" "$build" "$iheap" "$(jmh "$(label "$size")" 0.50)" "$(jmh "$(label "$size")" 0.99)" \
    "$ready" "$heap" "$rss" "$decision"
done <"$WORK/serve.txt"
echo "SUMMARY index build/heap and match latency: in-process (IndexScaleReport, JMH), synthetic items in memory;"
echo "SUMMARY serve: the runnable jar reading the pages from disk, fresh data dir, start to /readyz 200; $(nproc) cores"
