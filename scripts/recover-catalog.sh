#!/usr/bin/env bash
# Rebuilds the list of backups from object storage alone, after Lifeboat's catalog database was lost.
# Run it with the retention service's configuration (the same LIFEBOAT_* variables); it publishes
# backup.recovered for every backup manifest in storage, and the gateway re-adds the backups it misses.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lb_java_home
exec "$JAVA_HOME/bin/java" -jar "$LB_ROOT/retention-service/target/retention-service-0.1.0-SNAPSHOT-exec.jar" \
  --lifeboat.recover-catalog=true --spring.main.web-application-type=none "$@"
