# Shared by scripts/generate-openapi-schemas.sh and scripts/generate-field-order.sh (sourced, with
# $root set): finds the JDK, resolves the generators' classpath (scripts/openapi/pom.xml) into
# "$work/cp.txt" in a temporary directory removed at exit, and fetches
# io.kubernetes:client-java-proto sources jars from Maven Central.
# shellcheck source=../find-java.sh
source "$root/scripts/find-java.sh"
gatehouse_find_java
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -B -f "$root/scripts/openapi/pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt"
# The local Maven repository, found from a jar the classpath resolved into it.
generator_jar="$(tr ':' '\n' < "$work/cp.txt" | grep -m1 '/jackson-databind-[^/]*\.jar$')"
repo="${generator_jar%/com/fasterxml/*}"

# Prints the path of client-java-proto's sources jar at version $1, downloading it if needed.
gatehouse_proto_sources() {
  mvn -q -B dependency:get -Dartifact="io.kubernetes:client-java-proto:$1:jar:sources" \
    -Dtransitive=false >&2
  echo "$repo/io/kubernetes/client-java-proto/$1/client-java-proto-$1-sources.jar"
}
