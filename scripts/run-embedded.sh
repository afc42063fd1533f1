#!/usr/bin/env bash
# Runs Lifeboat on its embedded default: an in-process Kafka broker, PostgreSQL for the catalog (real
# PostgreSQL binaries from io.zonky), storage in .lifeboat/storage, the five services and a demo environment.
# Needs only a JDK 25 and Maven; the first run downloads dependencies and builds (a few minutes).
# Options go to the JVM, for example: scripts/run-embedded.sh -Dlifeboat.port=9090 -Dlifeboat.home=/tmp/lb
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lb_java_home
cd "$LB_ROOT"
jar="launcher/target/lifeboat-launcher-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$jar" ] || [ -n "$(find . -path ./.lifeboat -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
  echo "building Lifeboat (mvn -DskipTests install) ..."
  mvn -q -B -ntp -DskipTests install
fi
exec "$JAVA_HOME/bin/java" "$@" -jar "$jar"
