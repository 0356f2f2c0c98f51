#!/usr/bin/env bash
# Checks the Kubernetes examples without a cluster: YAML syntax, the kustomize overlays render (when kubectl is
# installed), the journeys in them are valid and the per-region copies match examples/journeys.
#   examples/kubernetes/check.sh
set -euo pipefail
cd "$(dirname "$0")"
root=../..
py=/usr/bin/python3; [ -x "$py" ] || py=python3

yaml_ok() { # every document of every file parses
  "$py" -c 'import sys, yaml
for f in sys.argv[1:]:
    docs = [d for d in yaml.safe_load_all(open(f)) if d is not None]
    print(f"ok  {f} ({len(docs)} documents)")' "$@"
}
yaml_ok sidecar.yaml $(find per-region -name '*.yaml' | sort)

for f in per-region/base/journeys/*.yaml; do
  cmp -s "$f" "$root/examples/journeys/$(basename "$f")" \
    || { echo "FAIL $f differs from examples/journeys/$(basename "$f"): copy it again" >&2; exit 1; }
done
echo "ok  per-region/base/journeys match examples/journeys"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the sidecar's journey, out of its ConfigMap
"$py" -c 'import sys, yaml
cm = next(d for d in yaml.safe_load_all(open("sidecar.yaml")) if d["kind"] == "ConfigMap")
open(sys.argv[1], "w").write(cm["data"]["search.yaml"])' "$tmp/sidecar-search.yaml"

if command -v kubectl >/dev/null; then
  for o in per-region/overlays/*/; do
    r=$(basename "$o")
    kubectl kustomize "$o" > "$tmp/$r.yaml"
    "$py" - "$tmp/$r.yaml" "$r" <<'PY'
import sys, yaml
docs = {d["kind"]: d for d in yaml.safe_load_all(open(sys.argv[1]))}
region = sys.argv[2]
c = docs["Deployment"]["spec"]["template"]["spec"]["containers"][0]
env = {e["name"]: e.get("value") for e in c["env"]}
assert env["UXPROBE_REGION"] == region, env
keys = sorted(docs["ConfigMap"]["data"])
assert "/etc/uxprobe/journeys" in c["args"], c["args"]   # the folder: every key of the ConfigMap
assert keys and all(k.endswith(".yaml") for k in keys), keys
assert docs["ServiceMonitor"]["spec"]["selector"]["matchLabels"]["uxprobe.io/region"] == region
assert docs["Service"]["spec"]["selector"]["uxprobe.io/region"] == region
print(f"ok  overlays/{region}: {docs['Deployment']['metadata']['name']}, journeys {', '.join(keys)}")
PY
  done
else
  echo "skip kustomize overlays: no kubectl"
fi

# the journeys parse as uxprobe reads them (needs the jar: ./mvnw -B -DskipTests package)
jar=${UXPROBE_JAR:-$root/agent/target/uxprobe.jar}
if [ -f "$jar" ]; then
  . "$root/.mvn/jdk25.sh"
  UXPROBE_PASSWORD=x "$JAVA_HOME/bin/java" -jar "$jar" validate per-region/base/journeys/*.yaml
  "$JAVA_HOME/bin/java" -jar "$jar" validate "$tmp/sidecar-search.yaml"   # another agent: its own journey names
else
  echo "skip uxprobe validate: no $jar"
fi
