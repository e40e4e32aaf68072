#!/usr/bin/env bash
# The JVM benchmark (docs/benchmarks/jvm.md): builds the release native library,
# installs the JVM package into target/m2, packages jvm/bench and runs JMH.
#   bash jvm/bench/run.sh [JMH ARGS...]     e.g. -p size=256 -f 1
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn=(mvn -B -q -ntp -Dmaven.repo.local="$root/target/m2")
bash "$root/jvm/build-native.sh" release
"${mvn[@]}" -f "$root/jvm/pom.xml" -pl hookseal,servlet -DskipTests install
"${mvn[@]}" -f "$root/jvm/bench/pom.xml" package
java -jar "$root/jvm/bench/target/benchmarks.jar" "$@"
