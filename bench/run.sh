#!/usr/bin/env bash
# Lifeboat vs restic vs borg vs the raw tools, on the same data, in one run, on this machine.
# Data: a PostgreSQL database of about 1 GiB of pg_dump output, and a mount of about 1 GiB.
# Every tool writes to S3Proxy (borg cannot: it writes a local repository, which rclone then copies to
# S3Proxy, and its backup time includes that copy). Results: bench/work/results.tsv, and a summary of the
# restores' medians at the end of the output.
# Needs: restic, borgbackup, rclone (apt-get install restic borgbackup rclone), PostgreSQL on 5432.
# Usage: bench/run.sh            (add STREAM_GIB=5 to also run the 5 GiB stream with -Xmx256m)
# BENCH_SCRATCH=DIR puts the mount, the restore targets and the raw tools' local files in DIR (default
# bench/work): docs/benchmarks.md explains why a run may put them on tmpfs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK" "$SCRATCH"
for tool in restic borg rclone /usr/bin/time pg_dump pg_restore; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install restic borgbackup rclone time)" >&2; exit 1; }
done
lb_ensure_postgres
lb_fetch_infra
trap 'lb_stop_all' EXIT
LOG_LEVEL=debug lb_start_s3proxy "$WORK/s3proxy"   # at debug, S3Proxy logs each request; the run counts them
S3="$LIFEBOAT_TEST_S3"; BUCKETS="$WORK/s3proxy/data"

echo "building the benchmark driver ..."
mvn -q -B -ntp -DskipTests install
mvn -q -B -ntp -DskipTests -f bench/pom.xml package

if ! $PG -tAc "SELECT 1 FROM pg_database WHERE datname = '$SRC'" postgres | grep -q 1; then
  echo "generating the database (about 1 GiB of dump) ..."
  $PG -c "CREATE DATABASE $SRC" postgres
  $PG -v ON_ERROR_STOP=1 -f bench/generate.sql "$SRC"
fi
$PG -c "DROP DATABASE IF EXISTS ${SRC}_run WITH (FORCE)" -c "CREATE DATABASE ${SRC}_run TEMPLATE $SRC" postgres
DB=${SRC}_run
if [ ! -d "$WORK/mount-template" ]; then
  echo "generating the mount (about 1 GiB) ..."
  python3 bench/mount.py generate "$WORK/mount-template"
fi
rm -rf "$SCRATCH/mount" && cp -a "$WORK/mount-template" "$SCRATCH/mount"
MOUNT="$SCRATCH/mount"

RESULTS="$WORK/results.tsv"
printf "tool\tstep\tpart\twall_s\tcpu_s\tpeak_rss_mib\tnew_bytes_stored\tobjects_written\ts3_requests\n" > "$RESULTS"
size_of() { du -sb "$1" 2>/dev/null | cut -f1 || echo 0; }
count_of() { find "$1" -type f 2>/dev/null | wc -l; }
# CPU time the whole machine spent so far, in clock ticks: the tool, the databases, S3Proxy, the kernel
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_since() { echo "($(busy_ticks) - $1) / $(getconf CLK_TCK)" | bc -l; }
s3_requests() { grep -c 'S3ProxyHandler.*request: ' "$WORK/s3proxy/s3proxy.log" || true; }
# measure TOOL STEP PART STORAGE_DIR -- command...   (records wall time, peak RSS, growth of STORAGE_DIR)
measure() {
  local tool=$1 step=$2 part=$3 storage=$4; shift 5
  local before_bytes before_objects
  before_bytes=$(size_of "$storage"); before_objects=$(count_of "$storage")
  local start end busy requests
  requests=$(s3_requests); busy=$(busy_ticks); start=$(date +%s.%N)
  /usr/bin/time -o "$WORK/time.out" -f "%M" bash -c "$*" > "$WORK/last.out" 2> "$WORK/last.err" \
    || { echo "FAILED: $tool $step $part"; cat "$WORK/last.err" >&2; return 1; }
  end=$(date +%s.%N)
  local wall rss cpu
  cpu=$(cpu_since "$busy"); wall=$(echo "$end - $start" | bc -l); rss=$(( $(tail -1 "$WORK/time.out") / 1024 ))
  printf "%s\t%s\t%s\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n" "$tool" "$step" "$part" "$wall" "$cpu" "$rss" \
    $(( $(size_of "$storage") - before_bytes )) $(( $(count_of "$storage") - before_objects )) \
    $(( $(s3_requests) - requests )) | tee -a "$RESULTS"
}
# every database restore starts from a checkpoint, so that none pays for flushing the previous one's writes
fresh_db() { $PG -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" -c "CHECKPOINT" postgres; }

export LIFEBOAT_BENCH_S3="$S3" LIFEBOAT_BENCH_BUCKET=lifeboat
export LIFEBOAT_BENCH_MASTER_KEY="bench:$(head -c 32 /dev/urandom | base64)"
export RESTIC_PASSWORD=bench RESTIC_REPOSITORY="s3:$S3/restic" AWS_ACCESS_KEY_ID=lifeboat AWS_SECRET_ACCESS_KEY=lifeboat-secret
export BORG_PASSPHRASE=bench BORG_REPO="$WORK/borg-repo" BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes
unset AWS_CA_BUNDLE   # rclone 1.60 cannot combine a custom CA bundle with its HTTP transport
export RCLONE_CONFIG_S3P_TYPE=s3 RCLONE_CONFIG_S3P_PROVIDER=Other RCLONE_CONFIG_S3P_ENDPOINT="$S3" \
       RCLONE_CONFIG_S3P_ACCESS_KEY_ID=lifeboat RCLONE_CONFIG_S3P_SECRET_ACCESS_KEY=lifeboat-secret
rm -rf "$BORG_REPO"
restic init --repository-version 2 >/dev/null
borg init --encryption=repokey-blake2 "$BORG_REPO"
mkdir -p "$BUCKETS/lifeboat"
# Lifeboat's worker path runs in one long-lived JVM, as the workers do; each step is one command to it.
rm -f "$WORK/lifeboat.in"; mkfifo "$WORK/lifeboat.in"
"$JAVA_HOME/bin/java" -Xmx512m -jar "$DRIVER" serve < "$WORK/lifeboat.in" > "$WORK/lifeboat.out" 2> "$WORK/lifeboat.err" &
LB_WORKER=$!
LB_PIDS+=($LB_WORKER)
exec 3> "$WORK/lifeboat.in"
# lifeboat STEP PART STORAGE_DIR COMMAND...: runs one command in the worker JVM and records it
lifeboat() {
  local step=$1 part=$2 storage=$3; shift 3
  local lines before_bytes before_objects busy requests
  lines=$(wc -l < "$WORK/lifeboat.out"); before_bytes=$(size_of "$storage"); before_objects=$(count_of "$storage")
  requests=$(s3_requests); busy=$(busy_ticks)
  echo "$*" >&3
  while [ "$(wc -l < "$WORK/lifeboat.out")" -le "$lines" ]; do
    kill -0 $LB_WORKER 2>/dev/null || { cat "$WORK/lifeboat.err" >&2; return 1; }
    sleep 0.2
  done
  local out wall rss cpu
  cpu=$(cpu_since "$busy"); out=$(tail -1 "$WORK/lifeboat.out"); echo "$out" > "$WORK/last.out"
  if echo "$out" | grep -q '"error"'; then echo "FAILED: lifeboat $step $part: $out" >&2; return 1; fi
  wall=$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["wall_ms"] / 1000)')
  rss=$(( $(awk '/VmHWM/ {print $2}' /proc/$LB_WORKER/status) / 1024 ))
  printf "%s\t%s\t%s\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n" lifeboat "$step" "$part" "$wall" "$cpu" "$rss" \
    $(( $(size_of "$storage") - before_bytes )) $(( $(count_of "$storage") - before_objects )) \
    $(( $(s3_requests) - requests )) | tee -a "$RESULTS"
}

echo "== warming the Lifeboat worker JVM up: one untimed backup and restore in a project of its own"
echo "warm-up $DB $MOUNT" >&3
until grep -q '"warm-up"' "$WORK/lifeboat.out"; do
  kill -0 $LB_WORKER 2>/dev/null || { cat "$WORK/lifeboat.err" >&2; exit 1; }
  sleep 0.5
done
tail -1 "$WORK/lifeboat.out"
if tail -1 "$WORK/lifeboat.out" | grep -q '"error"'; then exit 1; fi
$PG -c "DROP DATABASE IF EXISTS ${DB}_warm_up WITH (FORCE)" postgres

echo "== raw tools (the physical limit)"
measure raw backup database /dev/null -- "$PGDUMP $DB > /dev/null"
measure raw backup mount /dev/null -- "tar -cf - -C $SCRATCH mount | cat > /dev/null"

for round in 1 2; do
  if [ $round = 2 ]; then
    echo "== changing about 1% of rows and files"
    $PG -v ON_ERROR_STOP=1 -f bench/change.sql "$DB"
    python3 bench/mount.py change "$MOUNT"
  fi
  echo "== backup $round"
  lifeboat "backup-$round" database "$BUCKETS/lifeboat" backup postgresql "$DB" "$(printf '%032x' $((round * 10 + 1)))"
  cp "$WORK/last.out" "$WORK/lifeboat-db-$round.json"
  lifeboat "backup-$round" mount "$BUCKETS/lifeboat" backup mount "$MOUNT" "$(printf '%032x' $((round * 10 + 2)))"
  cp "$WORK/last.out" "$WORK/lifeboat-mount-$round.json"
  measure restic "backup-$round" database "$BUCKETS/restic" -- "$PGDUMP $DB | restic backup --quiet --tag db --stdin --stdin-filename db.dump"
  measure restic "backup-$round" mount "$BUCKETS/restic" -- "restic backup --quiet --tag mount $MOUNT"
  measure borg "backup-$round" database "$BORG_REPO" -- "$PGDUMP $DB | borg create --compression zstd,3 ::db-$round - && rclone sync $BORG_REPO s3p:borg"
  measure borg "backup-$round" mount "$BORG_REPO" -- "borg create --compression zstd,3 ::mount-$round $MOUNT && rclone sync $BORG_REPO s3p:borg"
done

echo "== restores of backup 2: ${RESTORE_ROUNDS:=3} rounds, the tools taking turns; the median is reported"
$PGDUMP "$DB" > "$SCRATCH/local.dump"
tar -cf "$SCRATCH/local.tar" -C "$SCRATCH" mount
for round in $(seq 1 "$RESTORE_ROUNDS"); do
  fresh_db lb_bench_raw; rm -rf "$SCRATCH/restore-raw" && mkdir -p "$SCRATCH/restore-raw"
  measure raw "restore-$round" database /dev/null -- "pg_restore -h 127.0.0.1 -U postgres -d lb_bench_raw $SCRATCH/local.dump"
  measure raw "restore-$round" mount /dev/null -- "tar -xf $SCRATCH/local.tar -C $SCRATCH/restore-raw"
  $PG -c "DROP DATABASE IF EXISTS lb_bench_lifeboat WITH (FORCE)" -c "CHECKPOINT" postgres
  rm -rf "$SCRATCH/restore-lifeboat"
  lifeboat "restore-$round" database /dev/null restore postgresql lb_bench_lifeboat "$(printf '%032x' 21)"
  lifeboat "restore-$round" mount /dev/null restore mount "$SCRATCH/restore-lifeboat" "$(printf '%032x' 22)"
  fresh_db lb_bench_restic; rm -rf "$SCRATCH/restore-restic"
  measure restic "restore-$round" database /dev/null -- "restic dump --tag db latest /db.dump | pg_restore -h 127.0.0.1 -U postgres -d lb_bench_restic"
  measure restic "restore-$round" mount /dev/null -- "restic restore latest --tag mount --target $SCRATCH/restore-restic"
  fresh_db lb_bench_borg; rm -rf "$SCRATCH/restore-borg" && mkdir -p "$SCRATCH/restore-borg"
  measure borg "restore-$round" database /dev/null -- "borg extract --stdout ::db-2 | pg_restore -h 127.0.0.1 -U postgres -d lb_bench_borg"
  measure borg "restore-$round" mount /dev/null -- "cd $SCRATCH/restore-borg && borg extract ::mount-2"
done
rm -f "$SCRATCH/local.dump" "$SCRATCH/local.tar"

echo "== checking the restores"
diff -r "$MOUNT" "$SCRATCH/restore-lifeboat" > /dev/null && echo "lifeboat mount: identical"
for db in lb_bench_raw lb_bench_lifeboat lb_bench_restic lb_bench_borg; do
  printf "%s: " "$db"
  $PG -tAc "SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM events t" "$db"
done
printf "source:  "; $PG -tAc "SELECT md5(string_agg(t::text, '' ORDER BY id)) FROM events t" "$DB"

if [ -n "${STREAM_GIB:-}" ]; then
  echo "== a ${STREAM_GIB} GiB stream through a worker with -Xmx256m"
  measure lifeboat stream "${STREAM_GIB}GiB" "$BUCKETS/lifeboat" -- \
    "$JAVA_HOME/bin/java -Xmx256m -jar $DRIVER stream $((STREAM_GIB * 1024 * 1024 * 1024)) $(printf '%032x' 99)"
  cat "$WORK/last.out"
fi
if [ "$SCRATCH" != "$WORK" ]; then
  rm -rf "$SCRATCH/mount" "$SCRATCH"/restore-*
fi
echo "results: $RESULTS"
column -t -s $'\t' "$RESULTS"
echo "median restore wall times (s), and the CPU time the whole machine spent:"
python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["step"].startswith("restore-")]
for key in sorted({(r["part"], r["tool"]) for r in rows}):
    walls = [float(r["wall_s"]) for r in rows if (r["part"], r["tool"]) == key]
    cpus = [float(r["cpu_s"]) for r in rows if (r["part"], r["tool"]) == key]
    print(f"  {key[0]:9} {key[1]:9} {statistics.median(walls):6.2f}  (rounds: {', '.join(f'{w:.2f}' for w in walls)};"
          f" machine CPU median {statistics.median(cpus):.2f} s)")
PY
