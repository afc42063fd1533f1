#!/usr/bin/env bash
# One night's slot for 10,000 production environments in one time zone, two scheduler instances at once:
# how long deciding and publishing take, and that no slot is duplicated or lost.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
lb_java_home
cd "$LB_ROOT"
run="$LB_INFRA/sched-$$"
trap 'lb_stop_all; rm -rf "$run"' EXIT
lb_ensure_postgres
lb_fetch_infra
lb_start_kafka "$run/kafka"
lb_start_s3proxy "$run/s3proxy"
mvn -q -B -ntp -DskipTests install
mvn -q -B -ntp -pl scheduler-service test -Dtest=SchedulerScaleBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlifeboat.bench.environments="${ENVIRONMENTS:-10000}"
cat scheduler-service/target/scheduler-bench.json
