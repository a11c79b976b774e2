#!/usr/bin/env bash
# Builds the Dockerfile for real and runs the container, on a machine that cannot pull from a
# registry: the base images are build arguments, and here they are Debian stand-ins built with
# debootstrap (openjdk-17-jre-headless for the runtime; openjdk-17-jdk-headless and maven, plus a
# copy of ~/.m2/repository so the build downloads nothing, for the build stage).
# Then, from the host: /readyz 200, the process is not root and runs with the Dockerfile's JVM options,
# it answers a stream of requests (RSS, heap and CPU before and after), a stop lets requests in
# progress finish, and the data (the store and the persisted index) survives a restart on the volume.
# CPU times are read from /proc/<pid>/stat: load moves them much less than the ready times in
# milliseconds, which are wall clock.
#
# Needs root and Debian's buildah, podman, runc and debootstrap:
#   apt-get install -y buildah podman runc debootstrap
#   bench/docker/try-image.sh                                 # stand-in bases, built once and kept
#   BUILD=no bench/docker/try-image.sh                        # the checks again on the image already built
#   BUILD_IMAGE=maven:3.9-eclipse-temurin-17 RUNTIME_IMAGE=eclipse-temurin:17-jre bench/docker/try-image.sh
# What was found to work on a cgroups-v1 VM: vfs storage, chroot isolation for builds, runc (crun
# refuses the rlimits), cgroupfs, host networking.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18098}
TAG=${TAG:-localhost/qabot:try}
NAME=qabot-try
VOLUME=qabot-try-data
SECRET=try-image-secret
TOKEN=try-image-token
BUILD_IMAGE=${BUILD_IMAGE:-localhost/qabot-build-base:bookworm}
RUNTIME_IMAGE=${RUNTIME_IMAGE:-localhost/qabot-runtime-base:bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
podman() { command podman --storage-driver vfs --cgroup-manager cgroupfs --runtime runc "$@"; }
buildah() { command buildah --storage-driver vfs "$@"; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
for tool in buildah podman runc debootstrap curl openssl; do
  command -v "$tool" >/dev/null || { echo "try-image: $tool is missing (apt-get install -y buildah podman runc debootstrap)" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "try-image: run as root (rootless podman needs subuid ranges this VM lacks)" >&2; exit 2; }
cleanup() { podman rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
t0=$(date +%s)
load0=$(uptime | sed 's/.*load average: //')

stand_in() { # $1 image, $2 extra packages, $3 seed ~/.m2 (yes/no)
  if podman image exists "$1"; then return; fi
  local root; root=$(mktemp -d)
  log "debootstrap bookworm for $1 (a few minutes)"
  debootstrap --variant=minbase --include=ca-certificates,$2 bookworm "$root" "$MIRROR" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  if [ "$3" = yes ] && [ -d "$HOME/.m2/repository" ]; then
    mkdir -p "$root/root/.m2" && cp -a "$HOME/.m2/repository" "$root/root/.m2/"
  fi
  tar -C "$root" -c . | podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$1" >/dev/null
  rm -rf "$root" "$root.log"
}
if [ "$BUILD_IMAGE" = localhost/qabot-build-base:bookworm ]; then stand_in "$BUILD_IMAGE" openjdk-17-jdk-headless,maven yes; fi
if [ "$RUNTIME_IMAGE" = localhost/qabot-runtime-base:bookworm ]; then stand_in "$RUNTIME_IMAGE" openjdk-17-jre-headless no; fi
t1=$(date +%s)

if [ "${BUILD:-yes}" = no ] && podman image exists "$TAG"; then
  log "BUILD=no: running the existing $TAG"
else
  log "buildah bud (vfs, chroot isolation)"
  buildah bud --isolation chroot --layers=false --build-arg BUILD_IMAGE="$BUILD_IMAGE" \
    --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" -t "$TAG" . >&2
fi
t2=$(date +%s)

run() {
  podman run -d --name "$NAME" --network host --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 \
    -v "$VOLUME:/data" -e QABOT_HTTP_PORT="$PORT" -e QABOT_WEBHOOK_SECRET="$SECRET" \
    -e QABOT_ADMIN_TOKEN="$TOKEN" "$TAG" >/dev/null
}
ready() { # seconds until /readyz 200 from the host
  local start; start=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    [ "$(podman inspect -f '{{.State.Running}}' "$NAME")" = true ] || { podman logs "$NAME" >&2; echo "try-image: the container exited" >&2; exit 1; }
    [ $(( $(date +%s%N) - start )) -lt 180000000000 ] || { podman logs "$NAME" >&2; echo "try-image: not ready in 180 s" >&2; exit 1; }
    sleep 0.1
  done
  echo "$(( ($(date +%s%N) - start) / 1000000 ))"
}
rss_mib() { # RSS of the container's java (PID 1 inside), read from the host with ps -o rss
  local pid; pid=$(podman inspect -f '{{.State.Pid}}' "$NAME")
  echo $(( $(ps -o rss= -p "$pid") / 1024 ))
}
cpu_ms() { # CPU time (user + system) the container's java has used, from the host's /proc
  local pid; pid=$(podman inspect -f '{{.State.Pid}}' "$NAME")
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat"
}
heap_mib() { # the heap as the JVM reports it on /metrics: "used committed max" in MiB, summed over the pools
  curl -s "http://127.0.0.1:$PORT/metrics" | python3 -c '
import re, sys
sums = {"used": 0.0, "committed": 0.0, "max": 0.0}
for line in sys.stdin:
    m = re.match(r"jvm_memory_(used|committed|max)_bytes\{([^}]*)\} (\S+)", line)
    if m and "area=\"heap\"" in m.group(2):
        sums[m.group(1)] += max(float(m.group(3)), 0.0)
print(" ".join("%.0f" % (sums[k] / 1048576) for k in ("used", "committed", "max")))'
}
traffic() { # $1 POSTs to /api/v1/ask over one keep-alive connection, five questions in turn; prints how many answered 200
  local cfg="/tmp/$NAME.traffic" i
  local questions=("How do I run qabot?" "What is qabot?" "What happens to a question qabot cannot answer?"
    "How do I configure flamingo brokers on the moon base?" "qabot 支持哪些聊天平台？")
  : >"$cfg"
  for i in $(seq "$1"); do
    [ "$i" = 1 ] || echo next >>"$cfg"
    printf 'url = "http://127.0.0.1:%s/api/v1/ask"\nheader = "Content-Type: application/json"\ndata = "{\\"text\\":\\"%s\\"}"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
      "$PORT" "${questions[$((i % ${#questions[@]}))]}" >>"$cfg"
  done
  curl -s -K "$cfg" | grep -c '^200$' || true
  rm -f "$cfg"
}
escalations() {
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/escalations?status=open" \
    | python3 -c 'import json, sys; d = json.load(sys.stdin); print(len(d["items"]))'
}
say() { # a signed webhook message: $1 its id, $2 its text, then more curl options
  local id=$1 text=$2; shift 2
  local body="{\"id\":\"try-$id\",\"chat\":\"group-1\",\"user\":{\"id\":\"u1\",\"name\":\"Ann\"},\"text\":\"$text\",\"mentioned\":true}"
  local ts; ts=$(date +%s)
  local sig; sig=$(printf '%s' "$ts.$body" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')
  curl -s "$@" "http://127.0.0.1:$PORT/hooks/webhook" -H 'Content-Type: application/json' \
    -H "X-Qabot-Timestamp: $ts" -H "X-Qabot-Signature: sha256=$sig" -d "$body"
}

podman rm -f "$NAME" >/dev/null 2>&1 || true
podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
log "podman run (runc, cgroupfs, host network, volume $VOLUME)"
run
first=$(ready)
rss_ready=$(rss_mib)
cpu_ready=$(cpu_ms)
heap_ready=$(heap_mib)
log "ready in $first ms, RSS $rss_ready MiB, java CPU $cpu_ready ms, heap used/committed/max $heap_ready MiB"
uid=$(podman exec "$NAME" sh -c 'awk "/^Uid:/ {print \$2}" /proc/1/status')
user=$(podman exec "$NAME" sh -c 'id -un')
[ "$uid" != 0 ] || { echo "try-image: java runs as root" >&2; exit 1; }
log "PID 1 runs as uid $uid ($user)"
# every JVM option PID 1 runs with, as the kernel has its command line (not what the Dockerfile says)
jvm=$(podman exec "$NAME" sh -c 'tr "\0" "\n" </proc/1/cmdline' | grep -E -- '^-X' | tr '\n' ' ' | sed 's/ $//')
log "PID 1's JVM options: $jvm"
image_opts=$(sed -n 's/^ *QABOT_JAVA_OPTS="\([^"]*\)".*/\1/p' Dockerfile)
case " $jvm " in *" $image_opts "*) ;; *) echo "try-image: PID 1 does not run with the Dockerfile's QABOT_JAVA_OPTS ($image_opts)" >&2; exit 1 ;; esac
say 1 "How do I configure flamingo brokers on the moon base?" >/dev/null
open_before=$(escalations)
log "open escalations: $open_before"
TRAFFIC=${TRAFFIC:-5000}
log "traffic: $TRAFFIC /api/v1/ask"
cpu_before=$(cpu_ms)
answered=$(traffic "$TRAFFIC")
cpu_traffic=$(( $(cpu_ms) - cpu_before ))
rss_traffic=$(rss_mib)
heap_traffic=$(heap_mib)
log "traffic: $answered of $TRAFFIC answered 200, java CPU $cpu_traffic ms; RSS $rss_traffic MiB, heap used/committed/max $heap_traffic MiB"
[ "$answered" = "$TRAFFIC" ] || { echo "try-image: $((TRAFFIC - answered)) of the traffic's requests were not answered 200" >&2; exit 1; }

log "stopping while requests are in progress (3 clients: two ask, one sends signed messages, which the store logs)"
# one line per request: the time before curl started and after it ended (ns), the code, curl's exit
# code, and curl's own seconds to connect and in all
: >"/tmp/$NAME.codes"
LOAD=()
timing=(-o /dev/null -w '%{http_code} %{exitcode} %{time_connect} %{time_total}')
for client in 1 2 3; do
  ( for i in $(seq 200); do
      t=$(date +%s%N)
      if [ "$client" = 3 ]; then
        r=$(say "stop-$i" "How do I run qabot?" "${timing[@]}" || true)
      else
        r=$(curl -s "${timing[@]}" -X POST -H 'Content-Type: application/json' \
          --data '{"text":"How do I run qabot?"}' "http://127.0.0.1:$PORT/api/v1/ask" || true)
      fi
      echo "$t $(date +%s%N) $r" >>"/tmp/$NAME.codes"
      case "$r" in "000 7 "*) break ;; esac # refused: the port has closed
    done ) & LOAD+=($!)
done
until [ "$(wc -l <"/tmp/$NAME.codes")" -ge 30 ]; do sleep 0.05; done
stop_start=$(date +%s%N)
podman stop -t 30 "$NAME" >/dev/null
stop_ms=$(( ($(date +%s%N) - stop_start) / 1000000 ))
wait "${LOAD[@]}" || true
status=$(podman inspect -f '{{.State.ExitCode}}' "$NAME")
ok=$(grep -c '^[0-9]* [0-9]* 200 ' "/tmp/$NAME.codes" || true)
refused=$(grep -c '^[0-9]* [0-9]* 000 7 ' "/tmp/$NAME.codes" || true)
broken=$(grep -vc -e '^[0-9]* [0-9]* 200 ' -e '^[0-9]* [0-9]* 000 7 ' "/tmp/$NAME.codes" || true)
stop_log=$(podman logs "$NAME" 2>&1 | grep -E 'stopping: finishing requests in progress|QabotServer - stopped' | sed 's/^.*Z //' | tr '\n' ';')
# requests surely connected before java began to drain (its "stopping:" line, ms) and surely
# answered after it: the connect at the latest (the end after curl, less curl's time from connect to
# end) before it, the end at the earliest (the start before curl, plus curl's time in all) after it;
# a lower bound, since starting curl takes longer than most requests
drain=$(podman logs "$NAME" 2>&1 | grep 'stopping: finishing requests in progress' | tail -1 | cut -d' ' -f1)
drain_ns=$(date -d "$drain" +%s%N)
spanned=$(awk -v d="$drain_ns" '$3 == 200 && $2 - ($6 - $5) * 1e9 < d && $1 + $6 * 1e9 > d { n++ } END { print n + 0 }' "/tmp/$NAME.codes")
log "stop: $stop_ms ms, exit status $status; requests: $ok answered 200 ($spanned of them connected before java began to drain at $drain and answered after), $refused refused after the port closed, $broken cut off; log: $stop_log"
[ "$broken" = 0 ] || { cut -d' ' -f3,4 "/tmp/$NAME.codes" | sort | uniq -c >&2; echo "try-image: requests were cut off by the stop" >&2; exit 1; }
[ "$status" = 143 ] || { echo "try-image: exit status $status after podman stop, not the JVM's own 143 after SIGTERM" >&2; exit 1; }
# a clean stop logs no problem: H2's own shutdown hook once closed the store under the drain
# ("store: not reachable" before "QabotServer - stopped")
stop_problems=$(podman logs "$NAME" 2>&1 | awk '/stopping: finishing requests in progress/ { on = 1 } on && / (WARN|ERROR) /')
[ -z "$stop_problems" ] || { echo "$stop_problems" >&2; echo "try-image: the stop logged problems" >&2; exit 1; }
rm -f "/tmp/$NAME.codes"

log "restart on the same volume"
podman start "$NAME" >/dev/null
second=$(ready)
cpu_second=$(cpu_ms)
open_after=$(escalations)
# the second start's line: "index decoded, N items" when the persisted index was read back
reused=$(podman logs "$NAME" 2>&1 | grep -oE 'knowledge index: (index decoded, [0-9]+ items|[0-9]+ items reused, [0-9]+ analysed)' | tail -1)
log "ready again in $second ms; open escalations: $open_after; $reused"
[ "$open_after" = "$open_before" ] && [ "$open_before" -ge 1 ] || { echo "try-image: the escalation did not survive the restart" >&2; exit 1; }
case "$reused" in
  *"index decoded"*|*" 0 analysed") ;;
  *) echo "try-image: the persisted index was not reused after the restart ($reused)" >&2; exit 1 ;;
esac
rss=$(rss_mib)
podman stop -t 30 "$NAME" >/dev/null
t3=$(date +%s)
echo "SUMMARY image $TAG from $BUILD_IMAGE + $RUNTIME_IMAGE; load average $load0 at the start, $(uptime | sed 's/.*load average: //') at the end"
echo "SUMMARY bases $((t1 - t0)) s, buildah bud $((t2 - t1)) s, runs $((t3 - t2)) s"
echo "SUMMARY first start: /readyz 200 from the host after $first ms (java CPU $cpu_ready ms); PID 1 uid $uid ($user); RSS at ready $rss_ready MiB; heap used/committed/max $heap_ready MiB"
echo "SUMMARY JVM options of PID 1: $jvm"
echo "SUMMARY traffic: $answered of $TRAFFIC /api/v1/ask answered 200, java CPU $cpu_traffic ms; then RSS $rss_traffic MiB, heap used/committed/max $heap_traffic MiB"
echo "SUMMARY stop under load: $stop_ms ms, exit $status, $ok answered ($spanned under way when java began to drain), $refused refused after close, $broken cut off"
echo "SUMMARY restart: ready after $second ms (java CPU $cpu_second ms), open escalations $open_before -> $open_after, $reused, RSS at ready $rss MiB"
