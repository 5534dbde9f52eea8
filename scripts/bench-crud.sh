#!/usr/bin/env bash
# Storage-backed API benchmark: ConfigMap creates/s through HTTPS vs raw store inserts/s in the
# same run, then GET and LIST(N) p50/p99 (bench/src/main/java/io/gatehouse/bench/CrudBenchmark.java).
#   scripts/bench-crud.sh [CREATES]     (default 10000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-java.sh
. "$root/scripts/find-java.sh"
gatehouse_find_java || exit 2
cd "$root"
# The launcher's GC settings, so that the in-process server runs as `./gatehouse server` does.
opts=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmn32m -Xms64m -XX:-ShrinkHeapInSteps)
if [ "$(gatehouse_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  opts+=(--sun-misc-unsafe-memory-access=allow)
fi
log="$(mktemp)"
if ! mvn -q -B -Dstyle.color=never -DskipTests -pl bench -am package >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi
rm -f "$log"
exec "$JAVA_HOME/bin/java" "${opts[@]}" -Dgatehouse.bench.creates="${1:-10000}" \
  -cp bench/target/benchmarks.jar io.gatehouse.bench.CrudBenchmark
