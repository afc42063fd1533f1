#!/usr/bin/env bash
# Starts Kafka and S3Proxy for a development session and keeps them running until interrupted.
# Writes the variables the tests read to .infra/dev.env: `source .infra/dev.env` in another shell.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lb_java_home
lb_fetch_infra
run="$LB_INFRA/dev"
trap 'lb_stop_all' EXIT INT TERM
lb_start_kafka "$run/kafka"
lb_start_s3proxy "$run/s3proxy"
cat > "$LB_INFRA/dev.env" <<ENV
export LIFEBOAT_TEST_KAFKA=$LIFEBOAT_TEST_KAFKA
export LIFEBOAT_TEST_S3=$LIFEBOAT_TEST_S3
export LIFEBOAT_TEST_S3_ACCESS_KEY=$LIFEBOAT_TEST_S3_ACCESS_KEY
export LIFEBOAT_TEST_S3_SECRET_KEY=$LIFEBOAT_TEST_S3_SECRET_KEY
ENV
echo "infrastructure is up; variables in $LB_INFRA/dev.env"
wait
