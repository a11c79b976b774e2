#!/usr/bin/env bash
# Soak test: the real `qabot serve` (runnable jar, SOFA corpus, embedded store, generic webhook
# with a loopback callback sink) under a steady 200 messages/s for an hour, sampled every 30 s
# for leaks: heap after GC, RSS, open file descriptors, threads, messages handled and errors.
# A benchmark, not a CI gate. Traffic stays on 127.0.0.1.
#
#   DURATION=3600 RATE=200 bench/soak/soak.sh            # CSV=... to choose where the samples go
#
# Requests: the realistic mix of SignedRequests (70 % chatter, 20 % known questions, 10 % unknown
# ones, one in five not addressed to the bot) from 5,000 users in 500 chats. Signatures are only
# accepted within +-300 s, and wrk's Lua has no HMAC, so wrk runs in CHUNK-second rounds (240 s,
# leaving a minute for signing and loading) with a fresh batch of requests signed just before each; ids carry the signing time, so every message is
# new (none is a redelivery). Between rounds the maintainers' queue is read and cleared (dismissed)
# through the admin API, as a maintainer would, so the unknown questions keep escalating, and a
# full GC is forced to read the live heap. wrk 4.1 has no -R: webhook.lua paces with delay().
#
# Output: one CSV row per sample (CSV), one per round (CSV with -rounds.csv), wrk's output per
# round (-wrk.txt), qabot's log (-qabot.log), and a SUMMARY (summary.sh) comparing the first and
# last 10 minutes, with least-squares slopes per hour over the run and over its second half.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=$(cd ../shared && pwd)
DURATION=${DURATION:-3600}
RATE=${RATE:-200}
CHUNK=${CHUNK:-240}   # signing, loading and the round must all fit in the +-300 s window
SAMPLE_EVERY=${SAMPLE_EVERY:-30}
CONNECTIONS=${CONNECTIONS:-20}
PORT=${PORT:-18090}
SINK_PORT=${SINK_PORT:-18091}
# the launcher's JVM options and malloc arenas unless HEAP / MALLOC_ARENA_MAX say otherwise (one place for them)
HEAP=${HEAP:-$(sed -n 's/^opts=\${QABOT_JAVA_OPTS:-\(.*\)}$/\1/p' qabot)}
HEAP="$HEAP ${JAVA_EXTRA:-}"   # e.g. JAVA_EXTRA=-XX:NativeMemoryTracking=summary with DIAG=1
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$(sed -n 's/^export MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-\(.*\)}$/\1/p' qabot)}
[ -n "$HEAP" ] && [ -n "$MALLOC_ARENA_MAX" ] || { echo "soak: cannot read the JVM options from ./qabot" >&2; exit 2; }
CSV=${CSV:-$ROOT/soak-$(date +%Y%m%d-%H%M).csv}
ROUNDS=${CSV%.csv}-rounds.csv
WRK_OUT=${CSV%.csv}-wrk.txt
WORK=$(mktemp -d)
SECRET="soak-secret-$RANDOM$RANDOM"
TOKEN="soak-token-$RANDOM$RANDOM"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

command -v wrk >/dev/null || { echo "soak: needs wrk (apt-get install wrk)" >&2; exit 2; }

log "building the runnable jar (the ./qabot launcher does, if stale) and the bench classes"
./qabot --help >/dev/null
mvn -q -B -ntp -pl connectors -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
# run copies, so rebuilding the project during an hour-long soak cannot pull a jar from under it
cp app/target/qabot.jar "$WORK/qabot.jar"
cp -r connectors/target/test-classes "$WORK/bench-classes"; cp -r connectors/target/classes "$WORK/connector-classes"
cp bench/webhook/webhook.lua "$WORK/webhook.lua"
CP="$WORK/bench-classes:$WORK/connector-classes:$(cat "$WORK/cp.txt")"

# the callback receiver: later replies (maintainers' answers) are POSTed here; 200 to anything
java -Xmx64m -cp "$CP" io.qabot.connectors.bench.HelloServer "$SINK_PORT" & PIDS+=($!)

log "starting qabot serve on 127.0.0.1:$PORT: java $HEAP (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
STARTED=$(date +%s.%N)
QABOT_HTTP_PORT=$PORT QABOT_DATA_DIR="$WORK/data" \
QABOT_KNOWLEDGE="$SHARED/corpus/sofa-weekly,$SHARED/corpus/faq" \
QABOT_ADMIN_TOKEN=$TOKEN QABOT_WEBHOOK_SECRET=$SECRET \
QABOT_WEBHOOK_CALLBACK_URL="http://127.0.0.1:$SINK_PORT/callback" \
  java $HEAP -Xlog:gc:file="$WORK/gc.log" -jar "$WORK/qabot.jar" serve >"$WORK/qabot.log" 2>&1 & PID=$!; PIDS=("$PID" "${PIDS[@]}")
for _ in $(seq 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/qabot.log" >&2; echo "soak: qabot exited" >&2; exit 1; }
  sleep 0.1
done
log "ready after $(awk -v s="$STARTED" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}') s (pid $PID)"

# heap occupancy after the most recent collection, MiB, from the unified GC log ("12M->5M(64M)")
heap_after_gc() {
  grep -o -- '->[0-9]*[KMG](' "$WORK/gc.log" 2>/dev/null | tail -n 1 |
    awk '{v = substr($0, 3, length($0) - 4) + 0; u = substr($0, length($0) - 1, 1);
          printf "%.1f", u == "K" ? v / 1024 : u == "G" ? v * 1024 : v}'
}
messages() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^qabot_messages_total/ {s += $NF} END {printf "%d", s}'; }
open_escalations() {
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/escalations?status=open" |
    python3 -c 'import json, sys; print(" ".join(str(e["id"]) for e in json.load(sys.stdin)["items"]))'
}

# the embedded database's file, MiB (the question log grows by every message; retention and compaction bound it)
db_mib() { du -k "$WORK/data/qabot.mv.db" 2>/dev/null | awk '{printf "%.1f", $1 / 1024}'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

echo "t_s,heap_after_gc_mib,rss_mib,fds,threads,messages,wrk_requests,wrk_errors,db_mib,load1" >"$CSV"
echo "t_s,round,requests,errors,non2xx,timeouts,req_per_s,p50,p99,live_heap_mib,dismissed,dismiss_ms" >"$ROUNDS"
: >"$WRK_OUT"
echo 0 0 >"$WORK/totals"
T0=$(date +%s)
sampler() {
  while kill -0 "$PID" 2>/dev/null; do
    local t=$(( $(date +%s) - T0 ))
    local rss fds threads
    rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status")
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$PID/status")
    fds=$(ls "/proc/$PID/fd" | wc -l)
    echo "$t,$(heap_after_gc),$rss,$fds,$threads,$(messages),$(tr ' ' ',' <"$WORK/totals"),$(db_mib),$(load1)" >>"$CSV"
    sleep "$SAMPLE_EVERY"
  done
}
sampler & SAMPLER=$!; PIDS+=($SAMPLER)

round=0
while [ $(( $(date +%s) - T0 )) -lt "$DURATION" ]; do
  round=$((round + 1))
  left=$(( DURATION - ($(date +%s) - T0) )); length=$(( left < CHUNK ? left : CHUNK ))
  # 20 % more requests than the round needs, so wrk never comes round to an id it has sent
  java -cp "$CP" io.qabot.connectors.bench.SignedRequests "$WORK/requests.tsv" $(( RATE * length * 12 / 10 + 100 )) "$SECRET"
  QABOT_REQUESTS="$WORK/requests.tsv" QABOT_THREADS=1 QABOT_CONNECTIONS=$CONNECTIONS QABOT_RATE=$RATE \
    wrk -t1 -c"$CONNECTIONS" -d"${length}s" --latency -s "$WORK/webhook.lua" \
    "http://127.0.0.1:$PORT/hooks/webhook" >"$WORK/round.txt" 2>&1 || true
  kill -0 "$PID" 2>/dev/null || { tail -n 50 "$WORK/qabot.log" >&2; echo "soak: qabot died" >&2; exit 1; }
  requests=$(awk '/ requests in / {print $1}' "$WORK/round.txt")
  { echo "== round $round"; cat "$WORK/round.txt"; } >>"$WRK_OUT"
  errors=$(awk '/^errors:/ {gsub(",", ""); print $3 + $5 + $7 + $9 + $11}' "$WORK/round.txt")
  non2xx=$(awk '/^errors:/ {gsub(",", ""); print $3}' "$WORK/round.txt")
  timeouts=$(awk '/^errors:/ {gsub(",", ""); print $11}' "$WORK/round.txt")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/round.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/round.txt"); p99=$(awk '$1 == "99%" {print $2}' "$WORK/round.txt")
  read -r total_req total_err <"$WORK/totals"
  echo "$((total_req + ${requests:-0})) $((total_err + ${errors:-0}))" >"$WORK/totals"
  # the maintainer's turn: read the queue and clear it (timed, since it grows with the askers)
  d0=$(date +%s%N); ids=$(open_escalations); dismissed=0
  for id in $ids; do
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/escalations/$id/dismiss"
    dismissed=$((dismissed + 1))
  done
  dismiss_ms=$(( ($(date +%s%N) - d0) / 1000000 ))
  jcmd "$PID" GC.run >/dev/null
  live=$(grep 'Pause Full' "$WORK/gc.log" | tail -n 1 | grep -o -- '->[0-9]*M' | tr -dc 0-9)
  echo "$(( $(date +%s) - T0 )),$round,$requests,$errors,$non2xx,$timeouts,$rps,$p50,$p99,$live,$dismissed,$dismiss_ms" >>"$ROUNDS"
  log "round $round: $requests requests, $errors errors ($non2xx non-2xx, $timeouts timeouts), $rps req/s, p50 $p50, p99 $p99, live heap ${live} MiB, dismissed $dismissed in ${dismiss_ms} ms"
done
sleep 1; kill "$SAMPLER" 2>/dev/null || true
t=$(( $(date +%s) - T0 ))
rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status")
echo "$t,$(heap_after_gc),$rss,$(ls "/proc/$PID/fd" | wc -l),$(awk '/^Threads:/ {print $2}' "/proc/$PID/status"),$(messages),$(tr ' ' ',' <"$WORK/totals"),$(db_mib),$(load1)" >>"$CSV"

# DIAG=1: what holds the heap and the rest of RSS at the end (NMT needs JAVA_EXTRA=-XX:NativeMemoryTracking=summary)
if [ -n "${DIAG:-}" ]; then
  jcmd "$PID" GC.class_histogram >"${CSV%.csv}-histogram.txt" 2>&1 || true
  jcmd "$PID" VM.native_memory summary >"${CSV%.csv}-nmt.txt" 2>&1 || true
  cp "$WORK/gc.log" "${CSV%.csv}-gc.log"
fi
log "stopping qabot"
kill "$PID"; status=0; wait "$PID" || status=$?
# problems logged while serving (the knowledge warnings at start-up come before "is serving")
sed -n '/is serving on/,$p' "$WORK/qabot.log" | grep -c ' WARN \| ERROR ' >"$WORK/warn.count" || true
cp "$WORK/qabot.log" "${CSV%.csv}-qabot.log"

echo
echo "---- rounds ($ROUNDS)"; column -t -s, "$ROUNDS"
echo
bench/soak/summary.sh "$CSV"
echo "SUMMARY qabot exit status on SIGTERM: $status (143 = stopped by the signal, shutdown hooks ran); WARN/ERROR lines while serving: $(cat "$WORK/warn.count")"
echo "SUMMARY samples: $CSV; rounds: $ROUNDS; wrk output: $WRK_OUT; qabot log: ${CSV%.csv}-qabot.log"
