#!/usr/bin/env bash
# The storage engine without an S3 server on the same cores: Lifeboat's worker path (the same driver as
# bench/run.sh) writing to an in-memory object store, against the raw tools, on bench/run.sh's data.
# It answers one question: how close the engine itself comes to the raw tools when S3Proxy does not take
# its share of the machine's two cores. It is not the comparison of issue 3, which is bench/run.sh's.
# Needs the data bench/run.sh generates (run it once first). Results: bench/work/engine.tsv.
# Usage: bench/engine.sh           (ROUNDS=3 by default; BENCH_SCRATCH as for bench/run.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"
lb_ensure_postgres
if [ ! -d "$WORK/mount-template" ] || ! $PG -tAc "SELECT 1 FROM pg_database WHERE datname = '$SRC'" postgres | grep -q 1; then
  echo "error: no benchmark data; run bench/run.sh once first, which generates it" >&2
  exit 1
fi
[ -f "$DRIVER" ] || { mvn -q -B -ntp -DskipTests install && mvn -q -B -ntp -DskipTests -f bench/pom.xml package; }
mkdir -p "$SCRATCH"
rm -rf "$SCRATCH/engine" && mkdir -p "$SCRATCH/engine" && cp -a "$WORK/mount-template" "$SCRATCH/engine/mount"
MOUNT="$SCRATCH/engine/mount"
drop_dbs() { # the engine's restores, and the database the warm-up restores
  for db in $($PG -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'lb_engine_%' OR datname = '${SRC}_warm_up'" postgres); do
    $PG -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres
  done
}
trap 'drop_dbs; rm -rf "$SCRATCH/engine"' EXIT
RESULTS="$WORK/engine.tsv"
printf "tool\tround\tstep\twall_s\n" > "$RESULTS"
timed() { # timed ROUND STEP COMMAND: records the wall time of a raw tool
  local start end
  start=$(date +%s.%N); bash -c "$3" > /dev/null; end=$(date +%s.%N)
  printf "raw\t%s\t%s\t%.2f\n" "$1" "$2" "$(echo "$end - $start" | bc -l)" | tee -a "$RESULTS"
}

echo "== raw tools"
$PGDUMP "$SRC" > "$SCRATCH/engine/local.dump"
tar -cf "$SCRATCH/engine/local.tar" -C "$SCRATCH/engine" mount
for round in $(seq 1 "$ROUNDS"); do
  timed "$round" "backup database" "$PGDUMP $SRC > /dev/null"
  timed "$round" "backup mount" "tar -cf - -C $SCRATCH/engine mount | cat > /dev/null"
  $PG -c "CREATE DATABASE lb_engine_raw_$round" -c "CHECKPOINT" postgres
  timed "$round" "restore database" "pg_restore -h 127.0.0.1 -U postgres -d lb_engine_raw_$round $SCRATCH/engine/local.dump"
  mkdir -p "$SCRATCH/engine/raw-$round"
  timed "$round" "restore mount" "tar -xf $SCRATCH/engine/local.tar -C $SCRATCH/engine/raw-$round"
done
rm -f "$SCRATCH/engine/local.dump" "$SCRATCH/engine/local.tar"

echo "== Lifeboat, in-memory object store, one warm JVM"
{
  echo "warm-up $SRC $MOUNT"
  for round in $(seq 1 "$ROUNDS"); do
    id=$(printf '%032x' "$round")
    echo "backup postgresql $SRC $id engine-$round"
    echo "backup mount $MOUNT $id engine-$round"
    echo "restore postgresql lb_engine_lifeboat_$round $id engine-$round"
    echo "restore mount $SCRATCH/engine/lifeboat-$round $id engine-$round"
  done
} | LIFEBOAT_BENCH_S3=memory LIFEBOAT_BENCH_MASTER_KEY="bench:$(head -c 32 /dev/urandom | base64)" \
    "$JAVA_HOME/bin/java" -Xmx8g -jar "$DRIVER" serve > "$WORK/engine.out"
python3 - "$WORK/engine.out" "$RESULTS" <<'PY'
import json, sys
steps = ["backup database", "backup mount", "restore database", "restore mount"]
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
if any("error" in l for l in lines):
    sys.exit("a Lifeboat step failed: " + str([l for l in lines if "error" in l]))
with open(sys.argv[2], "a") as out:
    for i, line in enumerate(lines[1:]):
        row = f"lifeboat\t{i // 4 + 1}\t{steps[i % 4]}\t{line['wall_ms'] / 1000:.2f}"
        print(row); out.write(row + "\n")
PY
diff -r "$MOUNT" "$SCRATCH/engine/lifeboat-1" > /dev/null && echo "lifeboat mount restore: identical"
for db in "$SRC" lb_engine_lifeboat_1; do
  printf "%s: " "$db"; $PG -tAc "SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM events t" "$db"
done
echo "medians (s): step, raw, Lifeboat, ratio"
python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for step in ["backup database", "backup mount", "restore database", "restore mount"]:
    med = {t: statistics.median(float(r["wall_s"]) for r in rows if r["tool"] == t and r["step"] == step)
           for t in ("raw", "lifeboat")}
    print(f"  {step:17} {med['raw']:6.2f} {med['lifeboat']:6.2f} {med['lifeboat'] / med['raw']:5.2f}x")
PY
