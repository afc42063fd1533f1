#!/usr/bin/env bash
# Shared by scripts/test.sh, scripts/run-embedded.sh, bench/run.sh and .ci/run.
# Starts real infrastructure as child processes: a Kafka broker JVM (KRaft) and S3Proxy,
# both run from Maven Central jars; and checks the local PostgreSQL, MariaDB and Redis.

LB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LB_INFRA="${LB_INFRA:-$LB_ROOT/.infra}"
LB_PIDS=()

lb_java_home() {
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
    return
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return
    fi
  done
  echo "error: JDK 25 not found; install Temurin 25 and set JAVA_HOME" >&2
  exit 1
}

lb_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

lb_wait_port() { # host port seconds what
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "error: $4 did not open $1:$2 within $3 s" >&2
      return 1
    fi
    sleep 0.2
  done
}

lb_fetch_infra() {
  mkdir -p "$LB_INFRA"
  if [ ! -f "$LB_INFRA/kafka/libs/kafka_2.13-4.1.2.jar" ]; then
    echo "fetching the Kafka broker jars from Maven Central ..."
    rm -rf "$LB_INFRA/kafka/libs"
    mvn -q -f "$LB_ROOT/scripts/infra/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LB_INFRA/kafka/libs" -DincludeScope=runtime
  fi
  if [ ! -f "$LB_INFRA/s3proxy/s3proxy.jar" ]; then
    echo "fetching S3Proxy from Maven Central ..."
    mkdir -p "$LB_INFRA/s3proxy"
    mvn -q -f "$LB_ROOT/scripts/infra/pom.xml" dependency:copy \
      -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory="$LB_INFRA/s3proxy"
    mv "$LB_INFRA/s3proxy/s3proxy-4.1.0-jar-with-dependencies.jar" "$LB_INFRA/s3proxy/s3proxy.jar"
  fi
}

# lb_start_kafka DIR -> exports LIFEBOAT_TEST_KAFKA
lb_start_kafka() {
  local dir="$1" port controller
  port=$(lb_free_port); controller=$(lb_free_port)
  rm -rf "$dir"; mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$dir/log4j2.yaml" <<'YAML'
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
YAML
  local cp="$LB_INFRA/kafka/libs/*"
  local id
  id=$("$JAVA_HOME/bin/java" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
  "$JAVA_HOME/bin/java" -cp "$cp" -Dlog4j2.configurationFile="$dir/log4j2.yaml" kafka.tools.StorageTool format \
    -t "$id" -c "$dir/server.properties" > "$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; return 1; }
  "$JAVA_HOME/bin/java" -Xms256m -Xmx768m -cp "$cp" -Dlog4j2.configurationFile="$dir/log4j2.yaml" \
    kafka.Kafka "$dir/server.properties" > "$dir/broker.log" 2>&1 &
  LB_PIDS+=($!)
  echo $! > "$dir/pid"
  lb_wait_port 127.0.0.1 "$port" 60 "Kafka" || { tail -50 "$dir/broker.log" >&2; return 1; }
  export LIFEBOAT_TEST_KAFKA="127.0.0.1:$port"
  echo "Kafka 4.1.2 (KRaft, own JVM, pid $!) on $LIFEBOAT_TEST_KAFKA"
}

# lb_start_s3proxy DIR -> exports LIFEBOAT_TEST_S3
lb_start_s3proxy() {
  local dir="$1" port
  port=$(lb_free_port)
  rm -rf "$dir"; mkdir -p "$dir/data"
  cat > "$dir/s3proxy.conf" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=lifeboat
s3proxy.credential=lifeboat-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/data
PROPS
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$LB_INFRA/s3proxy/s3proxy.jar" --properties "$dir/s3proxy.conf" \
    > "$dir/s3proxy.log" 2>&1 &
  LB_PIDS+=($!)
  echo $! > "$dir/pid"
  lb_wait_port 127.0.0.1 "$port" 60 "S3Proxy" || { tail -50 "$dir/s3proxy.log" >&2; return 1; }
  export LIFEBOAT_TEST_S3="http://127.0.0.1:$port"
  export LIFEBOAT_TEST_S3_ACCESS_KEY=lifeboat LIFEBOAT_TEST_S3_SECRET_KEY=lifeboat-secret
  echo "S3Proxy 4.1.0 (filesystem backend, pid $!) on $LIFEBOAT_TEST_S3"
}

lb_stop_all() {
  if [ -n "${LB_STOP_PG:-}" ]; then
    "${LB_STOP_PG[@]}" >/dev/null 2>&1 || true
  fi
  for pid in "${LB_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${LB_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  LB_PIDS=()
}

# PostgreSQL on 127.0.0.1:${LB_PG_PORT:-5432}: use the running server, else start the machine's cluster,
# else initialise one under .infra/postgres (as uid 65534 when running as root: PostgreSQL refuses root).
lb_ensure_postgres() {
  local port="${LB_PG_PORT:-5432}"
  if pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    return
  fi
  echo "PostgreSQL is not running on 127.0.0.1:$port; starting it ..."
  if [ "$port" = 5432 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if ! pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    local bin dir="$LB_INFRA/postgres-$port" as=()
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bin" ] || { echo "error: no PostgreSQL server found; install postgresql" >&2; exit 1; }
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      as=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
      chown 65534:65534 "$dir"; chmod 755 "$LB_INFRA"
    fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      "${as[@]}" "$bin/initdb" -D "$dir" -U postgres -A trust >/dev/null
    fi
    "${as[@]}" "$bin/pg_ctl" -D "$dir" -o "-h 127.0.0.1 -p $port -k $dir" -l "$dir/server.log" -w start >/dev/null
    LB_STOP_PG=("${as[@]}" "$bin/pg_ctl" -D "$dir" -m fast stop)
  fi
  lb_wait_port 127.0.0.1 "$port" 30 "PostgreSQL"
  if [ "$port" = 5432 ] || [ -n "${LB_STOP_PG:-}" ]; then
    psql -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" postgres \
      | grep -q 1 || psql -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE test" postgres >/dev/null
  fi
}
