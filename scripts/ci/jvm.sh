#!/usr/bin/env bash
# JVM: builds bindings/uniffi (release: the million verifies of the memory test take
# minutes through a debug library, and the jar is then the one users get), generates the
# Kotlin with uniffi's own generator, builds and installs the Maven modules of jvm/ into
# a Maven repository inside the checkout (target/m2, so nothing outside is used and CI
# starts from scratch), then runs every shared vector and hostile row against the
# installed jar (jvm/conformance), the servlet filter in a real embedded Tomcat with
# its PostgreSQL store against the server scripts/ci/stores.sh starts, and the example.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
mvn=(mvn -B -q -ntp -Dmaven.repo.local="$root/target/m2")

echo "== jvm: rustfmt and clippy on the binding crate"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt -p hookseal-uniffi -- --check
cargo clippy -p hookseal-uniffi --all-targets -- -D warnings

echo "== jvm: the native library and the generated Kotlin (jvm/build-native.sh)"
bash jvm/build-native.sh release

echo "== jvm: mvn install (io.hookseal:hookseal and the modules beside it)"
# The module tests need PostgreSQL: stores.sh starts it on 127.0.0.1 and stops it after.
bash scripts/ci/stores.sh --with-servers -- "${mvn[@]}" -f jvm/pom.xml install
jar=jvm/hookseal/target/hookseal-0.1.0.jar
echo "== jvm: $(du -k "$jar" | cut -f1) KiB jar"

echo "== jvm: every vector and hostile row, the README's lines and a million verifies, against the installed artifact"
"${mvn[@]}" -f jvm/conformance/pom.xml test
cat jvm/conformance/target/memory.txt

echo "== jvm: the example (examples/spring-boot) on the installed starter"
"${mvn[@]}" -f examples/spring-boot/pom.xml package
# Maven runs quietly (-q): the counts come from Surefire's reports of every module.
python3 - jvm/*/target/surefire-reports examples/spring-boot/target/surefire-reports <<'PY'
import glob, sys, xml.etree.ElementTree as ET
n = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for d in sys.argv[1:]:
    for f in glob.glob(d + "/TEST-*.xml"):
        s = ET.parse(f).getroot()
        for k in n:
            n[k] += int(s.get(k, 0))
ran = n["tests"] - n["skipped"]
print(f"jvm: {ran - n['failures'] - n['errors']} passed, {n['failures'] + n['errors']} failed, {n['skipped']} skipped")
PY
