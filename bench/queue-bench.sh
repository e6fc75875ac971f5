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
ROOT=$(pwd)

APP=${PARLEY_APP:-target/quarkus-app}
BENCH_DIR=${BENCH_DIR:-target/bench}
COMMENTS=${BENCH_COMMENTS:-1000000}
ARTICLES=${BENCH_ARTICLES:-1000}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OWNER_EMAIL=bench@example.org
OWNER_PASSWORD=bench-owner-password-not-secret

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'queue-bench: %s\n' "$*" >&2; exit 1; }

command -v curl >/dev/null || die "curl is needed to wait for the app"
"$JAVA" -version 2>&1 | grep >/dev/null 'version "\(1[7-9]\|[2-9][0-9]\)' || die "Java 17 or newer is needed ($JAVA)"

# --- The packaged app -------------------------------------------------------------------------------
if [[ ! -f $APP/quarkus-run.jar ]]; then
  [[ -z ${PARLEY_APP:-} ]] || die "no quarkus-run.jar in PARLEY_APP=$APP"
  say "Packaging the app (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
  [[ -f $APP/quarkus-run.jar ]] || die "the build made no $APP/quarkus-run.jar"
fi
APP=$(cd "$APP" && pwd)
H2_JAR=$(compgen -G "$APP/lib/main/com.h2database.h2-*.jar" | head -n 1) || true
[[ -n $H2_JAR ]] || die "no H2 driver in $APP/lib/main (the benchmark needs the embedded H2 build)"

# --- A fresh work folder ------------------------------------------------------------------------------
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
case $BENCH_DIR in
  / | "$ROOT" | "$HOME") die "refusing to delete BENCH_DIR=$BENCH_DIR" ;;
esac
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR/data"
DATA=$BENCH_DIR/data
RESULTS=$BENCH_DIR/queue-results.txt

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -n ${BENCH_PORT:-} ]]; then
  PORT=$BENCH_PORT
else
  PORT=18090
  while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
fi
BASE=http://127.0.0.1:$PORT

# --- Starting and stopping the app --------------------------------------------------------------------
APP_PID=
start_app() { # $1: log name
  port_in_use "$PORT" && die "port $PORT is already in use (set BENCH_PORT)"
  # The scheduled purge is switched off: it would delete old spam and trash and forget IP addresses
  # while we measure.
  # shellcheck disable=SC2086
  env PARLEY_DATA_DIR="$DATA" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    PARLEY_ADMIN_EMAIL="$OWNER_EMAIL" PARLEY_ADMIN_PASSWORD="$OWNER_PASSWORD" \
    PARLEY_PASSWORD_ITERATIONS=1000 PARLEY_PURGE_EVERY=off \
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" >"$BENCH_DIR/$1.log" 2>&1 &
  APP_PID=$!
  local started=$SECONDS
  # Ready when the home page answers 200.
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$BASE/" || true) == 200 ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$BENCH_DIR/$1.log" >&2
      APP_PID=
      die "the app exited during start-up (log: $BENCH_DIR/$1.log)"
    fi
    ((SECONDS - started < 300)) || die "the app did not answer 200 on $BASE/ within 300 s"
    sleep 0.2
  done
  echo "app up on $BASE after $((SECONDS - started)) s (pid $APP_PID)" >&2
}
stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    wait "$APP_PID" || true
  fi
  APP_PID=
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# --- 1. Schema and owner account ---------------------------------------------------------------------
say "Creating the schema and the owner account (first start)"
start_app app-first-start
stop_app
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
start_app app
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

stop_app
say "Results written to $RESULTS"
