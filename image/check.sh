#!/usr/bin/env bash
# Runs the built image from its own filesystem and checks that it works (run by .ci/run after image/build.sh):
# unpacks agent/target/uxprobe-image.tar with umoci, then starts, as a container runtime would (the image's user,
# entrypoint and environment; new mount and PID namespaces; chrooted into the image; the host's network), the demo
# service and an agent whose journey plays it: /-/ready, /metrics and the journey must pass. Needs root (chroot).
#
#   image/check.sh [IMAGE_TAR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tar=${1:-$root/agent/target/uxprobe-image.tar}
[ -f "$tar" ] || { echo "image check: no image at $tar: run image/build.sh first" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "image check: needs root (unshare and chroot into the image's filesystem)" >&2; exit 1; }

need=()
command -v umoci >/dev/null || need+=(umoci)
command -v skopeo >/dev/null || need+=(skopeo)
command -v python3 >/dev/null || need+=(python3)
if ((${#need[@]})); then
  echo "image check: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/uxprobe-image-check.XXXXXX")
pids=()
cleanup() {
  # unshare ignores SIGTERM while it waits: stop what it started (PID 1 of its namespace), and it follows
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# the image's filesystem and its runtime config (OCI runtime spec: user, args, env), as umoci unpacks them
skopeo copy --quiet "docker-archive:$tar" "oci:$work/oci:uxprobe"
umoci unpack --image "$work/oci:uxprobe" "$work/bundle" >/dev/null
rootfs=$work/bundle/rootfs
spec() { python3 -c "import json,sys; p=json.load(open('$work/bundle/config.json'))['process']; print($1)"; }
uid=$(spec "p['user']['uid']")
gid=$(spec "p['user']['gid']")
mapfile -t entrypoint < <(skopeo inspect --config "oci:$work/oci:uxprobe" \
  | python3 -c 'import json, sys; print("\n".join(json.load(sys.stdin)["config"]["Entrypoint"]))')
mapfile -t env < <(spec "'\n'.join(p['env'])")
echo "image check: user $uid:$gid, entrypoint ${entrypoint[*]}"
[ "$uid" != 0 ] || { echo "image check: the image runs as root" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
demo_port=$(free_port)
agent_port=$(free_port)
cp "$root/examples/drill/journeys.yaml" "$rootfs/journeys/search.yaml"

# one process of the image, as PID 1 of its own PID namespace: when it ends, so does everything it started
in_image() {
  local log=$1; shift
  unshare --mount --pid --fork --kill-child=SIGTERM --mount-proc="$rootfs/proc" \
    env -i "${env[@]}" "$(command -v chroot)" --userspec="$uid:$gid" "$rootfs" "$@" > "$work/$log" 2>&1 &
  pids+=($!)
}
# the demo service from the same image (another command than the entrypoint's serve)
in_image demo.log /opt/java/bin/java -cp @/app/jib-classpath-file io.uxprobe.agent.cli.Main demo --service-only \
  --regions "eu-west=$demo_port" --bind 127.0.0.1
# the agent: the image's own entrypoint, with the journeys folder it expects
in_image agent.log "${entrypoint[@]}" /journeys --listen "127.0.0.1:$agent_port" --region image-check \
  --var "base=http://127.0.0.1:$demo_port"

fail() {
  echo "image check: FAILED: $1" >&2
  for log in demo agent; do echo "--- $log.log" >&2; tail -n 20 "$work/$log.log" >&2 || true; done
  exit 1
}
wait_for() { # what, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  fail "$what within ${seconds}s"
}
metrics() { curl -sf "http://127.0.0.1:$agent_port/metrics"; }
wait_for "the demo service answers" 60 curl -sf "http://127.0.0.1:$demo_port/healthz"
wait_for "the agent is ready (every journey ran once)" 60 curl -sf "http://127.0.0.1:$agent_port/-/ready"
wait_for "the search journey passes" 30 sh -c "curl -sf http://127.0.0.1:$agent_port/metrics | grep -q '^uxprobe_journey_success{journey=\"search\",region=\"image-check\"} 1'"

# it really is the image's user that runs it
agent_pid=$(pgrep -f -- "--listen 127.0.0.1:$agent_port" | while read -r p; do [ "$(readlink "/proc/$p/exe")" = "$rootfs/opt/java/bin/java" ] && echo "$p"; done | head -n 1)
[ -n "$agent_pid" ] || fail "the agent's java process (from the image) not found"
running_uid=$(awk '/^Uid:/ {print $2}' "/proc/$agent_pid/status")
[ "$running_uid" = "$uid" ] || fail "the agent runs as uid $running_uid, not the image's $uid"

echo "image check: ok: the agent from the image (uid $running_uid) serves /metrics and its journey passes:"
metrics | grep '^uxprobe_journey_success\|^uxprobe_build_info'
echo "image check: image $(du -h "$tar" | cut -f1) compressed ($tar), $(du -sh "$rootfs" | cut -f1) unpacked"
