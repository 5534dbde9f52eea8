#!/usr/bin/env bash
# Storage-backed API benchmark: ConfigMap creates/s through HTTPS vs raw store inserts/s in the
# same run, then GET and LIST(10,000) p50/p99 (server/src/test/.../CrudBenchmarkIT.java).
#   scripts/bench-crud.sh [CREATES]     (default 10000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/find-java.sh
. "$root/scripts/find-java.sh"
gatehouse_find_java || exit 2
cd "$root"
mvn -q -B -Dstyle.color=never -pl server -am install -DskipTests >/dev/null
mvn -B -Dstyle.color=never -pl server verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrudBenchmarkIT -Dgatehouse.bench=true -Dgatehouse.bench.creates="${1:-10000}" \
  | sed -n '/^CrudBenchmarkIT/,/^LIST/p'
