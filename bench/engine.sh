#!/usr/bin/env bash
# The storage engine without an S3 server on the same cores: Lifeboat's worker path (the same driver as
# bench/run.sh) writing to an in-memory object store, against the raw tools, on bench/run.sh's data.
# It answers one question: how close the engine itself comes to the raw tools when S3Proxy does not take
# its share of the machine's two cores. It is not the comparison of issue 3, which is bench/run.sh's.
# Needs the data bench/run.sh generates (run it once first). Results: bench/work/engine.tsv.
# Usage: bench/engine.sh           (ROUNDS=3 by default; BENCH_SCRATCH as for bench/run.sh)
# Unlike bench/run.sh, the raw tools' rounds all run before Lifeboat's, and the JVM has an 8 GiB heap to hold
# the in-memory store (G1 then uses 4 MiB regions, where the 512 MiB worker JVM uses 1 MiB).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"
ENGINE="$SCRATCH/engine"
drop_dbs() { # the engine's restores, and the database the warm-up restores
  local query="SELECT datname FROM pg_database WHERE datname LIKE 'lb\_engine\_%' OR datname = '${SRC}_warm_up'"
  for db in $($PG -tAc "$query" postgres); do
    $PG -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres
  done
}
trap 'drop_dbs || true; rm -rf "$ENGINE"; lb_stop_all' EXIT
lb_ensure_postgres
if [ ! -d "$WORK/mount-template" ] \
    || ! $PG -tAc "SELECT 1 FROM pg_database WHERE datname = '$SRC'" postgres | grep -q 1; then
  echo "error: no benchmark data; run bench/run.sh once first, which generates it" >&2
  exit 1
fi
drop_dbs
echo "building the benchmark driver ..."
mvn -q -B -ntp -DskipTests install
mvn -q -B -ntp -DskipTests -f bench/pom.xml package
rm -rf "$ENGINE" && mkdir -p "$ENGINE" && cp -a "$WORK/mount-template" "$ENGINE/mount"
MOUNT="$ENGINE/mount"
RESULTS="$WORK/engine.tsv"
printf "tool\tround\tstep\twall_s\n" > "$RESULTS"
timed() { # timed ROUND STEP COMMAND: records the wall time of a raw tool
  local start end
  start=$(date +%s.%N); bash -o pipefail -c "$3" > /dev/null; end=$(date +%s.%N)
  printf "raw\t%s\t%s\t%.2f\n" "$1" "$2" "$(echo "$end - $start" | bc -l)" | tee -a "$RESULTS"
}

echo "== raw tools"
$PGDUMP "$SRC" > "$ENGINE/local.dump"
tar -cf "$ENGINE/local.tar" -C "$ENGINE" mount
for round in $(seq 1 "$ROUNDS"); do
  timed "$round" "backup database" "$PGDUMP $SRC > /dev/null"
  timed "$round" "backup mount" "tar -cf - -C $ENGINE mount | cat > /dev/null"
  $PG -c "CREATE DATABASE lb_engine_raw_$round" -c "CHECKPOINT" postgres
  timed "$round" "restore database" "pg_restore -h 127.0.0.1 -U postgres -d lb_engine_raw_$round $ENGINE/local.dump"
  mkdir -p "$ENGINE/raw-$round"
  timed "$round" "restore mount" "tar -xf $ENGINE/local.tar -C $ENGINE/raw-$round"
  rm -rf "$ENGINE/raw-$round"
  $PG -c "DROP DATABASE lb_engine_raw_$round WITH (FORCE)" postgres
done
rm -f "$ENGINE/local.dump" "$ENGINE/local.tar"

echo "== Lifeboat, in-memory object store, one warm JVM"
{
  echo "warm-up $SRC $MOUNT"
  for round in $(seq 1 "$ROUNDS"); do
    db_id=$(printf '%032x' $((round * 10 + 1))); mount_id=$(printf '%032x' $((round * 10 + 2)))
    echo "backup postgresql $SRC $db_id engine-$round"
    echo "backup mount $MOUNT $mount_id engine-$round"
    echo "restore postgresql lb_engine_lifeboat_$round $db_id engine-$round"
    echo "restore mount $ENGINE/lifeboat-$round $mount_id engine-$round"
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
checksum() { $PG -tAc "SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM events t" "$1"; }
for round in $(seq 1 "$ROUNDS"); do
  diff -r "$MOUNT" "$ENGINE/lifeboat-$round" > /dev/null \
    || { echo "error: the mount restored in round $round differs from the source" >&2; exit 1; }
  [ "$(checksum lb_engine_lifeboat_"$round")" = "$(checksum "$SRC")" ] \
    || { echo "error: the database restored in round $round differs from the source" >&2; exit 1; }
done
echo "every restored mount is identical to the source, and every restored database has its checksum"
echo "medians (s): step, raw, Lifeboat, ratio"
python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for step in ["backup database", "backup mount", "restore database", "restore mount"]:
    med = {t: statistics.median(float(r["wall_s"]) for r in rows if r["tool"] == t and r["step"] == step)
           for t in ("raw", "lifeboat")}
    print(f"  {step:17} {med['raw']:6.2f} {med['lifeboat']:6.2f} {med['lifeboat'] / med['raw']:5.2f}x")
PY
