#!/usr/bin/env bash
# The three-region outage drill: demo service, uxprobe agents and Prometheus agents in three regions, a central
# Prometheus with the shipped rules, Alertmanager, and a webhook receiver; break two regions, expect the page, heal.
# Exits 0 only when every expectation held. What it does and a real run's timeline: docs/deploy.md#the-outage-drill
#
#   examples/drill/run.sh                      # as root: a network namespace per region; otherwise loopback addresses
#   examples/drill/run.sh --network loopback   # force loopback addresses (127.0.N.1)
#   examples/drill/run.sh --workdir /tmp/drill # keep configs, data and every process's log there
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

# The real binaries, from Debian, when missing: Prometheus (central and agent mode), Alertmanager, and Python for the
# drill itself and its webhook receiver.
need=()
command -v prometheus >/dev/null || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null || command -v alertmanager >/dev/null || need+=(prometheus-alertmanager)
command -v python3 >/dev/null || need+=(python3)
command -v ip >/dev/null || need+=(iproute2)
if ((${#need[@]})); then
  echo "drill: installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# builds agent/target/uxprobe.jar now if it is missing or stale, rather than in six processes at once
"$root/uxprobe" --version >/dev/null

exec python3 "$here/drill.py" --uxprobe "$root/uxprobe" "$@"
