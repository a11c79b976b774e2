#!/usr/bin/env bash
# Load benchmark for POST /hooks/webhook, compared with a bare Netty hello-world server on the
# same machine in the same run. A benchmark, not a CI gate. Traffic stays on 127.0.0.1.
#
#   bench/webhook/webhook-load.sh [DURATION_SECONDS]
#
# The bot answers from the SOFA corpus in ../shared with the real matcher; the requests are a
# realistic mix (70 % chatter, 20 % known questions, 10 % unknown ones).
# Reports requests/s of each and their ratio (goal >= 50 %), then p99 latency of the webhook
# at 500 messages/s (goal < 50 ms). wrk 4.1 (Debian) has no -R, so the paced run uses a Lua
# delay() per connection; see webhook.lua.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20}
THREADS=2
CONNECTIONS=64
PACED_CONNECTIONS=50
HELLO_PORT=18081
QABOT_PORT=18082
SECRET="bench-secret-$RANDOM"
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "building test classes" >&2
mvn -q -B -ntp -pl connectors -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="connectors/target/test-classes:connectors/target/classes:$(cat "$WORK/cp.txt")"
JAVA=(java -Xms512m -Xmx512m -cp "$CP")

wait_port() { for _ in $(seq 600); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
run_wrk() { # out-file rate connections
  QABOT_REQUESTS="$WORK/requests.tsv" QABOT_THREADS=$THREADS QABOT_CONNECTIONS=$3 QABOT_RATE=$2 \
    wrk -t$THREADS -c"$3" -d"${DURATION}s" --latency -s bench/webhook/webhook.lua "http://127.0.0.1:$QABOT_PORT/hooks/webhook" >"$1"
}

echo "== bare Netty hello world" >&2
"${JAVA[@]}" io.qabot.connectors.bench.HelloServer $HELLO_PORT & PIDS+=($!)
wait_port $HELLO_PORT
wrk -t$THREADS -c$CONNECTIONS -d5s "http://127.0.0.1:$HELLO_PORT/" >/dev/null   # warm-up
wrk -t$THREADS -c$CONNECTIONS -d"${DURATION}s" --latency "http://127.0.0.1:$HELLO_PORT/" >"$WORK/hello.txt"
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true; PIDS=()

echo "== qabot /hooks/webhook" >&2
"${JAVA[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.qabot.connectors.bench.WebhookBenchServer $QABOT_PORT "$SECRET" \
  ../shared/corpus/sofa-weekly ../shared/corpus/faq & PIDS+=($!)
wait_port $QABOT_PORT
# unique signed requests, enough for every run (ids that come round again are redeliveries),
# all stamped now so they stay inside the +-300 s window
"${JAVA[@]}" io.qabot.connectors.bench.SignedRequests "$WORK/requests.tsv" 600000 "$SECRET"
run_wrk "$WORK/warmup.txt" 0 $CONNECTIONS
"${JAVA[@]}" io.qabot.connectors.bench.SignedRequests "$WORK/requests.tsv" 600000 "$SECRET"
run_wrk "$WORK/webhook.txt" 0 $CONNECTIONS
"${JAVA[@]}" io.qabot.connectors.bench.SignedRequests "$WORK/requests.tsv" 600000 "$SECRET"
run_wrk "$WORK/paced.txt" 500 $PACED_CONNECTIONS

echo; echo "---- hello world ($CONNECTIONS connections, ${DURATION}s)"; cat "$WORK/hello.txt"
echo; echo "---- webhook, as fast as possible ($CONNECTIONS connections)"; cat "$WORK/webhook.txt"
echo; echo "---- webhook, paced to 500 requests/s ($PACED_CONNECTIONS connections)"; cat "$WORK/paced.txt"
HELLO=$(rps "$WORK/hello.txt"); HOOK=$(rps "$WORK/webhook.txt")
echo
echo "SUMMARY hello=${HELLO} req/s webhook=${HOOK} req/s ratio=$(awk -v a="$HOOK" -v b="$HELLO" 'BEGIN {printf "%.1f %%", 100 * a / b}') (goal >= 50 %)"
echo "SUMMARY paced: $(rps "$WORK/paced.txt") req/s, p99 $(p99 "$WORK/paced.txt") (goal < 50 ms at 500/s); unpaced p99 $(p99 "$WORK/webhook.txt")"
