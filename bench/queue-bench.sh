#!/usr/bin/env bash
# Moderation-queue benchmark: 1,000,000 comments, 100,000 of them pending, on the embedded H2 build.
# Run from anywhere: bench/queue-bench.sh   (see bench/README.md)
#
#   PARLEY_APP      packaged app (default target/quarkus-app; built with ./mvnw package if missing)
#   BENCH_DIR       work folder, deleted and recreated (default target/bench)
#   BENCH_PORT      HTTP port (default: the first free port from 18090)
#   BENCH_COMMENTS  comments to seed (default 1000000; a tenth are pending)
#   BENCH_ARTICLES  articles to seed (default 1000)
#   BENCH_WARMUP / BENCH_RUNS   untimed and timed requests per page and mode (default 20 / 100)
#   BENCH_SECONDS   stop timing a page after this many seconds once BENCH_MIN_RUNS (10) are done (default 30)
#   BENCH_JAVA_OPTS JVM options for the app (default none: the app's own defaults)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
NAME=queue-bench
# shellcheck source=bench/bench-lib.sh
source bench/bench-lib.sh

COMMENTS=${BENCH_COMMENTS:-1000000}
ARTICLES=${BENCH_ARTICLES:-1000}

check_java
packaged_app

# --- A fresh work folder ------------------------------------------------------------------------------
BENCH_DIR=$(fresh_dir "${BENCH_DIR:-target/bench}")
mkdir -p "$BENCH_DIR/data"
DATA=$BENCH_DIR/data
RESULTS=$BENCH_DIR/queue-results.txt

if [[ -n ${BENCH_PORT:-} ]]; then
  PORT=$BENCH_PORT
  TAKEN_PORTS+="$PORT "
else
  PORT=$(free_port 18090)
fi
MANAGEMENT_PORT=$(free_port $((PORT + 1)))
BASE=http://127.0.0.1:$PORT
trap stop_all_apps EXIT
trap 'exit 130' INT TERM

# --- 1. Schema and owner account ---------------------------------------------------------------------
say "Creating the schema and the owner account (first start)"
start_app "$DATA" "$PORT" "$MANAGEMENT_PORT" "$BENCH_DIR/app-first-start.log"
stop_app "$PORT"
[[ -f $DATA/parley.mv.db ]] || die "the first start made no $DATA/parley.mv.db"

# --- 2. Seeding ------------------------------------------------------------------------------------------
say "Seeding $COMMENTS comments on $ARTICLES articles"
seed_start=$(date +%s%N)
"$JAVA" -cp "$H2_JAR" bench/SeedQueue.java "jdbc:h2:file:$DATA/parley" "$COMMENTS" "$ARTICLES" \
  >"$BENCH_DIR/seed.properties"
seed_seconds=$(( ($(date +%s%N) - seed_start) / 1000000 ))
seed_seconds=$(printf '%d.%01d' $((seed_seconds / 1000)) $((seed_seconds % 1000 / 100)))
fact() { sed -n "s/^$1=//p" "$BENCH_DIR/seed.properties"; }
db_bytes=$(stat -c %s "$DATA/parley.mv.db")
db_size=$(awk -v b="$db_bytes" 'BEGIN { printf "%.0f MiB (%d bytes)", b / 1048576, b }')
cat "$BENCH_DIR/seed.properties" >&2

# --- 3. Measuring ---------------------------------------------------------------------------------------
say "Starting the app on the seeded database"
start_app "$DATA" "$PORT" "$MANAGEMENT_PORT" "$BENCH_DIR/app.log"
say "Timing the queue pages"
{
  echo "Parley moderation-queue benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "app:        $APP (embedded H2, $(basename "$H2_JAR" .jar))"
  echo "java:       $("$JAVA" -version 2>&1 | head -n 1)"
  echo "machine:    $(nproc) CPUs, load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
  echo "data:       $(fact count.ALL) comments on $ARTICLES articles:" \
    "PENDING $(fact count.PENDING), APPROVED $(fact count.APPROVED), SPAM $(fact count.SPAM)," \
    "TRASH $(fact count.TRASH); $(fact count.REPORTED) reported"
  echo "            $(fact distinct.author_name) names, $(fact distinct.author_email) emails," \
    "$(fact distinct.author_ip) IP addresses"
  echo "seeding:    ${seed_seconds} s (SeedQueue, including ANALYZE)"
  echo "db file:    $db_size"
  echo "filters:    email $(fact target.email) ($(fact target.email.pending) pending)," \
    "ip $(fact target.ip) ($(fact target.ip.pending) pending)," \
    "article $(fact target.article) ($(fact target.article.pending) pending)," \
    "q=$(fact target.word) ($(fact target.word.pending) pending)"
  echo
} | tee "$RESULTS"
"$JAVA" bench/QueueTimer.java "$BASE" "$OWNER_EMAIL" "$OWNER_PASSWORD" "$(fact target.email)" \
  "$(fact target.ip)" "$(fact target.article)" "$(fact target.word)" "$(fact target.toggle)" | tee -a "$RESULTS"

stop_app "$PORT"
say "Results written to $RESULTS"
