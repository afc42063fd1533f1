# Shared by bench/run.sh and bench/engine.sh: the JDK, the directories and the tools' command lines.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
lb_java_home
cd "$LB_ROOT"
WORK="$LB_ROOT/bench/work"
SCRATCH="${BENCH_SCRATCH:-$WORK}"
DRIVER="bench/target/lifeboat-bench-0.1.0-SNAPSHOT-exec.jar"
PG="psql -q -h 127.0.0.1 -U postgres"
PGDUMP="pg_dump -h 127.0.0.1 -U postgres --format=custom --compress=0"
SRC=lb_bench_src
