#!/usr/bin/env bash
# Start-up and idle-memory benchmark of `gatehouse server`, run through ./gatehouse as a user runs
# it. For each of N runs (default 5; the first on an empty data directory, so it includes creating
# the CA and certificates) it prints:
#   ready  — milliseconds from launching the process until the admin kubeconfig exists, which the
#            server writes only once it accepts requests;
#   readyz — milliseconds until GET /readyz over HTTPS with the admin certificate answers "ok";
#   rss    — resident memory (VmRSS) after 20 kubectl-like discovery requests and 3 s idle;
#   rss-openapi — VmRSS after then fetching every OpenAPI v3 document and /openapi/v2 (what
#            kubectl apply, create -f and explain fetch) and 3 s idle.
#   scripts/bench-server.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-5}"
command -v curl >/dev/null || { echo "bench-server: curl is required" >&2; exit 2; }
"$root/gatehouse" --version >/dev/null   # builds the jar if needed, outside the timings
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
printf '%-4s %8s %8s %10s %12s\n' run ready readyz rss rss-openapi
for i in $(seq 1 "$n"); do
  rm -f "$work/data/admin.kubeconfig"
  start=$(now_ms)
  "$root/gatehouse" server --data-dir "$work/data" --secure-port 0 >"$work/log" 2>&1 &
  pid=$!
  until [ -f "$work/data/admin.kubeconfig" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.005
  done
  ready=$(( $(now_ms) - start ))
  url=$(grep -o 'https://[0-9.]*:[0-9]*' "$work/log" | head -1)
  pki="$work/data/pki"
  curl_args=(-s --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key")
  until [ "$(curl "${curl_args[@]}" "$url/readyz" || true)" = ok ]; do sleep 0.005; done
  readyz=$(( $(now_ms) - start ))
  for _ in $(seq 1 5); do
    for p in /version /api /apis /api/v1; do curl "${curl_args[@]}" -o /dev/null "$url$p"; done
  done
  sleep 3
  rss=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$pid/status")
  for p in $(curl "${curl_args[@]}" "$url/openapi/v3" | grep -o '"serverRelativeURL":"[^"]*"' \
      | cut -d'"' -f4); do
    curl "${curl_args[@]}" -o /dev/null "$url$p"
  done
  curl "${curl_args[@]}" -o /dev/null \
    -H 'Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf' "$url/openapi/v2"
  sleep 3
  rss_openapi=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" || true
  pid=""
  printf '%-4s %6s ms %6s ms %10s %12s\n' "$i" "$ready" "$readyz" "$rss" "$rss_openapi"
done
