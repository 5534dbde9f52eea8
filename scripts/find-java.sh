# Sourced by ./gatehouse and .ci/run: sets JAVA_HOME to a JDK >= 21 or fails with one line.
# JAVA_HOME wins if it is new enough; otherwise the newest JDK under /usr/lib/jvm
# (GATEHOUSE_JVM_DIR overrides that directory, for tests).

gatehouse_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//' | cut -d. -f1
}

gatehouse_find_java() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(gatehouse_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      return 0
    fi
  fi
  for candidate in "${GATEHOUSE_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(gatehouse_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "gatehouse: no JDK 21 or newer found (set JAVA_HOME to one, or install one under /usr/lib/jvm)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
