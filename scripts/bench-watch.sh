#!/usr/bin/env bash
# Concurrent watchers against `gatehouse server` started through ./gatehouse as a user starts it
# (bench/src/main/java/io/gatehouse/bench/WatchFanout.java): opens W watches of ConfigMaps, creates
# E ConfigMaps, and prints event delivery latency p50/p99/max and the server's RSS.
#   scripts/bench-watch.sh [WATCHERS] [EVENTS]     (defaults 500 and 100)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-java.sh
. "$root/scripts/find-java.sh"
gatehouse_find_java || exit 2
cd "$root"
"$root/gatehouse" --version >/dev/null   # builds the CLI jar if needed
opts=(--enable-native-access=ALL-UNNAMED)
if [ "$(gatehouse_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  opts+=(--sun-misc-unsafe-memory-access=allow)
fi
log="$(mktemp)"
if ! mvn -q -B -Dstyle.color=never -DskipTests -pl bench -am package >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work" "$log"
}
trap cleanup EXIT
token="bench-$RANDOM$RANDOM"
printf '%s,bench,1,"system:masters"\n' "$token" >"$work/tokens.csv"
"$root/gatehouse" server --data-dir "$work/data" --secure-port 0 \
  --token-auth-file "$work/tokens.csv" >"$work/server.log" 2>&1 &
pid=$!
until [ -f "$work/data/admin.kubeconfig" ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.05
done
url=$(grep -o 'https://[0-9.]*:[0-9]*' "$work/server.log" | head -1)
# The launcher execs java, so $pid is the server JVM.
"$JAVA_HOME/bin/java" "${opts[@]}" -cp bench/target/benchmarks.jar io.gatehouse.bench.WatchFanout \
  "$url" "$work/data/pki/ca.crt" "$token" "$pid" "${1:-500}" "${2:-100}"
