#!/usr/bin/env bash
# Runs the whole test suite on real infrastructure. Starts a Kafka broker (its own JVM, KRaft) and
# S3Proxy, uses the PostgreSQL, MariaDB and Redis running on this machine, and stops what it started.
# Extra arguments go to Maven, for example: scripts/test.sh -pl storage -Dtest=RepositoryTests
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lb_java_home
cd "$LB_ROOT"
run="$LB_INFRA/run-$$"
trap 'lb_stop_all; rm -rf "$run"' EXIT
lb_ensure_postgres
lb_fetch_infra
export LIFEBOAT_TEST_PG_PORT="${LB_PG_PORT:-5432}"
lb_start_kafka "$run/kafka"
lb_start_s3proxy "$run/s3proxy"
if command -v docker-compose >/dev/null; then
  docker-compose --env-file .env.example -f docker-compose.yml config -q
  echo "docker-compose.yml is valid"
else
  echo "docker-compose not installed: skipping the compose file check (.ci/run installs it)"
fi
mvn -B -ntp verify "$@"
