#!/usr/bin/env bash
# Runs the JMH benchmarks (all, or those matching the given JMH regexp/options), e.g.
#   scripts/bench.sh                      # everything
#   scripts/bench.sh CelLayerBenchmark    # one class
#   scripts/bench.sh -l                   # list
# Results are printed and written to bench/target/jmh-result.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-java.sh
. "$root/scripts/find-java.sh"
gatehouse_find_java || exit 2
cd "$root"
if [ "$(gatehouse_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  unsafe=(-jvmArgsAppend --sun-misc-unsafe-memory-access=allow)
else
  unsafe=()
fi
log="$(mktemp)"
if ! mvn -q -B -Dstyle.color=never -DskipTests -pl bench -am package >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi
rm -f "$log"
exec "$JAVA_HOME/bin/java" -jar bench/target/benchmarks.jar "${unsafe[@]}" \
  -rf json -rff bench/target/jmh-result.json "$@"
