#!/usr/bin/env bash
# Regenerates server/src/main/resources/io/gatehouse/server/openapi/definitions-1.33.json.gz, the
# OpenAPI schemas of the built-in types that `gatehouse server` publishes under /openapi/v2 and
# /openapi/v3 (and uses to find unknown fields). Re-runnable; needs Maven and network access to
# Maven Central only.
#
# Inputs (all Apache-2.0, The Kubernetes Authors, generated from Kubernetes 1.33's API types):
#   io.kubernetes:client-java-api:24.0.0          model classes: descriptions, types, formats, required
#   io.kubernetes:client-java-proto:24.0.0:sources k8s.io/api comment markers (+listType, +patchStrategy…)
#   io.kubernetes:client-java-proto:27.0.0:sources the same for groups the 24.0.0 artifact lacks
# plus Gatehouse's resource catalog (api/src/main/resources/io/gatehouse/api/catalog/builtin-1.33.yaml),
# which chooses the kinds whose schemas are generated (with every type they reference).
#   scripts/generate-openapi-schemas.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=openapi/generator-env.sh
source "$root/scripts/openapi/generator-env.sh"
api_jar="$(tr ':' '\n' < "$work/cp.txt" | grep '/client-java-api-24.0.0.jar$')"
proto24="$(gatehouse_proto_sources 24.0.0)"
proto27="$(gatehouse_proto_sources 27.0.0)"
out="$root/server/src/main/resources/io/gatehouse/server/openapi/definitions-1.33.json.gz"
mkdir -p "$(dirname "$out")"
"$JAVA_HOME/bin/java" -cp "$(cat "$work/cp.txt")" "$root/scripts/openapi/GenerateSchemas.java" "$out" \
  "$root/api/src/main/resources/io/gatehouse/api/catalog/builtin-1.33.yaml" "$api_jar" \
  "$proto24" "$proto27"
ls -l "$out"
