#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then integration tests (failsafe), on a JDK >= 21.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-java.sh
. "$root/scripts/find-java.sh"
gatehouse_find_java || exit 2
if ! command -v mvn >/dev/null 2>&1; then
  echo "test: Maven (mvn) is required" >&2
  exit 2
fi
cd "$root"
if [ "$(gatehouse_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
echo "test: JDK $JAVA_HOME, $(mvn -v 2>/dev/null | head -1)" >&2
exec mvn -B -ntp verify "$@"
