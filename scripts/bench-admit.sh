#!/usr/bin/env bash
# Scale benchmark of `gatehouse admit`: N manifests (default 10,000) against 60 policies, with a
# 1 GiB heap cap. Prints wall time and peak RSS (GNU time) and the verdict counts.
#   scripts/bench-admit.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-java.sh
. "$root/scripts/find-java.sh"
gatehouse_find_java || exit 2
n="${1:-10000}"
cd "$root"
if [ "$(gatehouse_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
log="$(mktemp)"
if ! mvn -q -B -Dstyle.color=never -DskipTests -pl bench,cli -am package >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi
rm -f "$log"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.gatehouse.bench.AdmitWorkload "$work" "$n"
echo "workload: $n manifests, 60 policies ($(du -sh "$work" | cut -f1))" >&2
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "wall %e s, peak RSS %M KiB"); fi
set +e
GATEHOUSE_JAVA_OPTS="-Xmx1g" "${timer[@]}" ./gatehouse admit --policy "$work/policies.yaml" \
  --cluster "$work/cluster.yaml" --resource "$work/resources.yaml" -o json > "$work/result.json"
code=$?
set -e
echo "exit code $code (0 all admitted, 1 some denied)" >&2
"$JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.gatehouse.bench.AdmitSummary "$work/result.json"
