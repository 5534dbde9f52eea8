#!/usr/bin/env bash
# Regenerates server/src/main/resources/io/gatehouse/server/field-order-1.33.txt, the JSON field
# order of the built-in types (Go struct declaration order; which fields are Go maps), which
# `gatehouse server` writes objects in. Re-runnable; needs Maven and network access to Maven
# Central only.
#
# Inputs (all Apache-2.0, The Kubernetes Authors):
#   server/src/main/resources/io/gatehouse/server/openapi/definitions-1.33.json.gz
#       (scripts/generate-openapi-schemas.sh): the types, their JSON properties, maps and $refs
#   io.kubernetes:client-java-proto:27.0.0:sources  k8s.io/api's protobuf messages, whose fields
#       go-to-protobuf writes in Go declaration order
#   scripts/fieldorder/supplement.txt  the order of the few types that artifact lacks (APIService)
#   scripts/generate-field-order.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=openapi/generator-env.sh
source "$root/scripts/openapi/generator-env.sh"
proto="$(gatehouse_proto_sources 27.0.0)"
out="$root/server/src/main/resources/io/gatehouse/server/field-order-1.33.txt"
"$JAVA_HOME/bin/java" -cp "$(cat "$work/cp.txt")" "$root/scripts/fieldorder/GenerateFieldOrder.java" \
  "$out" "$root/server/src/main/resources/io/gatehouse/server/openapi/definitions-1.33.json.gz" \
  "$root/scripts/fieldorder/supplement.txt" "$proto"
ls -l "$out"
