#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs the JVM package from this checkout (when the
# checkout's Maven repository lacks it) and packages this example, `run PORT` serves it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mvn=(mvn -B -q -ntp -Dmaven.repo.local="$root/target/m2")
case ${1:-} in
  build)
    command -v mvn >/dev/null || { echo "mvn is not installed"; exit 1; }
    if [[ ! -e $root/target/m2/io/hookseal/hookseal-spring-boot-starter/0.1.0 ]]; then
      bash "$root/jvm/build-native.sh" && "${mvn[@]}" -f "$root/jvm/pom.xml" -DskipTests install
    fi
    "${mvn[@]}" -f "$here/pom.xml" -DskipTests package ;;
  run) PORT=$2 exec java -jar "$here/target/receiver.jar" ;;
  *) echo "usage: $0 build | run PORT" >&2; exit 2 ;;
esac
