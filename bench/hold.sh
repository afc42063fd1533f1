#!/usr/bin/env bash
# Measures the hold of a consistent backup with a writing workload, at 100 MiB and at 1 GiB of data in the
# environment (PostgreSQL, MariaDB, Redis and a mount), to show the hold does not grow with the data.
# Runs ConsistencyIntegrationTests on real infrastructure; figures in system-tests/target/consistency-*.json.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
lb_java_home
cd "$LB_ROOT"
run="$LB_INFRA/hold-$$"
trap 'lb_stop_all; rm -rf "$run"' EXIT
lb_ensure_postgres
lb_fetch_infra
lb_start_kafka "$run/kafka"
lb_start_s3proxy "$run/s3proxy"
mvn -q -B -ntp -DskipTests install
for mib in ${SIZES_MIB:-100 1024}; do
  echo "== consistent backup with ${mib} MiB of data"
  mvn -q -B -ntp -pl system-tests test -Dtest='ConsistencyIntegrationTests#aConsistent*' \
    -Dlifeboat.consistency.mib="$mib" -Dsurefire.failIfNoSpecifiedTests=false
  cat "system-tests/target/consistency-${mib}mib.json"
done
