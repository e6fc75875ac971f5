#!/usr/bin/env bash
# Posting benchmark (issue 13, goal 4): acknowledged, durable guest comments per second, every rule evaluated.
# Run from anywhere: bench/post-bench.sh [h2|postgresql|both]   (see bench/README.md)
#
#   BENCH_DB          h2, postgresql or both (the first argument wins; default: both when PostgreSQL answers
#                     at BENCH_PG_HOST:BENCH_PG_PORT, else h2)
#   PARLEY_APP        packaged H2 app (default target/quarkus-app; packaged with ./mvnw if missing)
#   PARLEY_APP_PG     packaged PostgreSQL app (default: built with -Ppostgresql in target/post-bench-pg, a copy
#                     of pom.xml, .mvn and src, rebuilt when a source file is newer than it)
#   BENCH_PG_HOST, BENCH_PG_PORT, BENCH_PG_USER, BENCH_PG_DB
#                     PostgreSQL for the run (default 127.0.0.1, 5432, postgres, parley_postbench; the database
#                     is dropped and created again; password, if any, in BENCH_DB_PASSWORD)
#   BENCH_DIR         work folder (default target/post-bench; its h2/ and postgresql/ folders are recreated)
#   BENCH_PORT        HTTP port (default: the first free port from 18190); the management port is the next one
#   BENCH_DURATION    measured seconds (default 15), after BENCH_WARMUP seconds of the same load (default 20)
#   BENCH_CONNECTIONS, BENCH_THREADS   wrk connections and threads (default 16, 2)
#   BENCH_FLOOR_ROWS  comment rows of the database-alone floor (bench/InsertFloor.java; default 4000)
#   BENCH_JAVA_OPTS   JVM options for the app (default none: the app's own defaults)
#   BENCH_MVN_LOCK    a lock file: every ./mvnw the script runs is wrapped in flock on it
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BENCH_DIR=${BENCH_DIR:-target/post-bench}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
FLOOR_ROWS=${BENCH_FLOOR_ROWS:-4000}
THREADS=${BENCH_THREADS:-2}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=${BENCH_PG_DB:-parley_postbench}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OWNER_EMAIL=bench@example.org
OWNER_PASSWORD=bench-owner-password-not-secret
ARTICLE=hello-world
WORDPRESS_PER_SECOND=73

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'post-bench: %s\n' "$*" >&2; exit 1; }
port_in_use() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
mvn() {
  if [[ -n ${BENCH_MVN_LOCK:-} ]]; then flock "$BENCH_MVN_LOCK" ./mvnw "$@"; else ./mvnw "$@"; fi
}

for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || die "$tool is needed"
done
"$JAVA" -version 2>&1 | grep >/dev/null 'version "\(1[7-9]\|[2-9][0-9]\)' || die "Java 17 or newer is needed ($JAVA)"

DBS=${1:-${BENCH_DB:-}}
if [[ -z $DBS ]]; then
  if port_in_use "$PG_HOST" "$PG_PORT"; then DBS=both; else
    DBS=h2
    say "No PostgreSQL at $PG_HOST:$PG_PORT: measuring H2 only"
  fi
fi
case $DBS in
  h2) DBS=(h2) ;;
  postgresql) DBS=(postgresql) ;;
  both) DBS=(h2 postgresql) ;;
  *) die "unknown database '$DBS' (h2, postgresql or both)" ;;
esac

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
case $BENCH_DIR in
  / | "$ROOT" | "$HOME") die "refusing to use BENCH_DIR=$BENCH_DIR" ;;
esac

# --- The packaged apps ----------------------------------------------------------------------------------
h2_app() {
  local app=${PARLEY_APP:-target/quarkus-app}
  if [[ ! -f $app/quarkus-run.jar ]]; then
    [[ -z ${PARLEY_APP:-} ]] || die "no quarkus-run.jar in PARLEY_APP=$app"
    say "Packaging the H2 app (./mvnw -q -DskipTests package)"
    mvn -q -DskipTests package >&2
  fi
  compgen -G "$app/lib/main/com.h2database.h2-*.jar" >/dev/null || die "$app is not the H2 build"
  (cd "$app" && pwd)
}

pg_app() {
  if [[ -n ${PARLEY_APP_PG:-} ]]; then
    [[ -f $PARLEY_APP_PG/quarkus-run.jar ]] || die "no quarkus-run.jar in PARLEY_APP_PG=$PARLEY_APP_PG"
    (cd "$PARLEY_APP_PG" && pwd)
    return
  fi
  # A copy of the sources, so that the PostgreSQL build never overwrites the H2 build in target/.
  local copy=$ROOT/target/post-bench-pg
  local jar=$copy/target/quarkus-app/quarkus-run.jar
  if [[ ! -f $jar || -n $(find pom.xml src -newer "$jar" -print -quit) ]]; then
    say "Packaging the PostgreSQL app in target/post-bench-pg (./mvnw -q -Ppostgresql -DskipTests package)"
    rm -rf "$copy/src"
    mkdir -p "$copy"
    cp -a pom.xml mvnw .mvn src "$copy/"
    (cd "$copy" && mvn -q -Ppostgresql -DskipTests package) >&2
  fi
  compgen -G "$copy/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar" >/dev/null \
    || die "the PostgreSQL build has no PostgreSQL driver"
  echo "$copy/target/quarkus-app"
}

# --- Ports ------------------------------------------------------------------------------------------------
if [[ -n ${BENCH_PORT:-} ]]; then
  PORT=$BENCH_PORT
else
  PORT=18190
  while port_in_use 127.0.0.1 "$PORT" || port_in_use 127.0.0.1 $((PORT + 1)); do PORT=$((PORT + 2)); done
fi
BASE=http://127.0.0.1:$PORT

APP_PID=
stop_app() {
  if [[ -n $APP_PID ]]; then
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}
trap stop_app EXIT

# $1: app folder, $2: work folder; the rest: extra environment (NAME=value)
start_app() {
  local app=$1 work=$2
  shift 2
  port_in_use 127.0.0.1 "$PORT" && die "port $PORT is already in use (set BENCH_PORT)"
  # Behind a trusted proxy (loopback): each request's X-Forwarded-For is the reader's address. The purge and
  # the backup are switched off so that nothing else runs while we measure.
  # shellcheck disable=SC2086
  env "$@" PARLEY_DATA_DIR="$work/data" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    PARLEY_MANAGEMENT_PORT=$((PORT + 1)) \
    PARLEY_ADMIN_EMAIL="$OWNER_EMAIL" PARLEY_ADMIN_PASSWORD="$OWNER_PASSWORD" \
    PARLEY_BEHIND_PROXY=true PARLEY_TRUSTED_PROXIES=127.0.0.1/32,::1/128 \
    PARLEY_PURGE_EVERY=off PARLEY_BACKUP_EVERY=off \
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$app/quarkus-run.jar" >"$work/app.log" 2>&1 &
  APP_PID=$!
  local started=$SECONDS
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$BASE/" || true) == 200 ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$work/app.log" >&2
      APP_PID=
      die "the app stopped during start-up (log: $work/app.log)"
    fi
    ((SECONDS - started < 180)) || die "the app did not answer within 180 s (log: $work/app.log)"
    sleep 0.5
  done
}

# CPU time the process has used (user + system), in clock ticks: the app's cost per post, whatever else runs.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)

# $1: jar with the JDBC driver, $2: URL, $3: user, $4: SQL
sql() { "$JAVA" -cp "$1" "$ROOT/bench/Sql.java" "$2" "$3" "$4"; }

# --- One database ------------------------------------------------------------------------------------------
ROWS=()
FLOOR_ROWS_TABLE=()
measure() {
  local db=$1 app driver url user label
  local work=$BENCH_DIR/$db
  rm -rf "$work"
  mkdir -p "$work"
  if [[ $db == h2 ]]; then
    app=$(h2_app)
    driver=$(compgen -G "$app/lib/main/com.h2database.h2-*.jar" | head -n 1)
    url="jdbc:h2:file:$work/data/parley"
    user=sa
    start_app "$app" "$work"
    label="H2 (embedded, WRITE_DELAY=0)"
  else
    app=$(pg_app)
    driver=$(compgen -G "$app/lib/main/org.postgresql.postgresql-*.jar" | head -n 1)
    port_in_use "$PG_HOST" "$PG_PORT" || die "no PostgreSQL at $PG_HOST:$PG_PORT"
    url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    user=$PG_USER
    say "Creating the database $PG_DB at $PG_HOST:$PG_PORT (dropped first)"
    sql "$driver" "jdbc:postgresql://$PG_HOST:$PG_PORT/postgres" "$user" "drop database if exists $PG_DB" >/dev/null
    sql "$driver" "jdbc:postgresql://$PG_HOST:$PG_PORT/postgres" "$user" "create database $PG_DB" >/dev/null
    local sync
    sync=$(sql "$driver" "$url" "$user" "show synchronous_commit")
    start_app "$app" "$work" PARLEY_DB_URL="$url" PARLEY_DB_USER="$user" \
      PARLEY_DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
    label="PostgreSQL (synchronous_commit=$sync)"
  fi
  say "$label: app started on $BASE; owner switches the flood and bot timers off"
  local form
  form=$(python3 "$ROOT/bench/post_setup.py" "$BASE" "$OWNER_EMAIL" "$OWNER_PASSWORD" "$ARTICLE")
  eval "$form"
  export POST_PATH POST_CSRF POST_CSRF_FIELD POST_SHOWN POST_PARENT

  say "$label: ${WARMUP} s warm-up, then ${DURATION} s of guests posting (wrk -t$THREADS -c$CONNECTIONS)"
  if ((WARMUP > 0)); then
    POST_RUN=warm POST_REPORT=$work/warmup.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s \
      -s "$ROOT/bench/post.lua" "$BASE" >"$work/warmup-wrk.txt"
  fi
  if [[ $db == postgresql ]]; then
    # The planner's statistics of the tables the warm-up filled, as autovacuum keeps them on a production server
    # (it analyzes a table once a tenth of it changed). Without them PostgreSQL plans for the empty table it saw
    # at the start, and walks thousands of index entries per post; some test servers run with autovacuum off.
    say "$label: ANALYZE after the warm-up (autovacuum: $(sql "$driver" "$url" "$user" "show autovacuum"))"
    sql "$driver" "$url" "$user" "analyze" >/dev/null
  fi
  local cpu_before cpu_after
  cpu_before=$(cpu_ticks "$APP_PID")
  POST_RUN=run POST_REPORT=$work/run.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
    --latency -s "$ROOT/bench/post.lua" "$BASE" | tee "$work/run-wrk.txt" >&2

  cpu_after=$(cpu_ticks "$APP_PID")
  say "$label: kill -9, then counting the comments in the database"
  stop_app
  local acked others socket_errors seconds p99 statuses rows
  acked=$(sed -n 's/^acked=//p' "$work/run.txt")
  others=$(sed -n 's/^others=//p' "$work/run.txt")
  socket_errors=$(sed -n 's/^socket_errors=//p' "$work/run.txt")
  statuses=$(sed -n 's/^other_statuses=//p' "$work/run.txt" | tr -s '|' ' ')
  seconds=$(sed -n 's/^seconds=//p' "$work/run.txt")
  p99=$(sed -n 's/^p99_ms=//p' "$work/run.txt")
  rows=$(sql "$driver" "$url" "$user" "select count(*) from comment where author_email like 'reader-run-%@bench.example'")
  local per_second durable errors cpu_per_post
  per_second=$(awk -v a="$acked" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }')
  cpu_per_post=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$TICKS" -v a="$acked" \
    'BEGIN { if (a > 0) printf "%.2f ms", t * 1000 / hz / a; else print "-" }')
  errors=$((others + socket_errors))
  [[ -z ${statuses// /} ]] || errors="$errors (status$statuses)"
  if ((rows >= acked)); then durable="yes: $rows >= $acked"; else durable="NO: $rows < $acked"; fi
  ROWS+=("$(printf '| %-36s | %14s | %10s | %-16s | %-34s | %16s |' "$label" "$per_second" "$p99 ms" "$errors" \
    "$durable" "$cpu_per_post")")

  # The database's own floor, on the same data with the app stopped: insert + commit of one comment row through
  # plain JDBC (bench/InsertFloor.java), durable per comment as Parley acknowledges them, and ten per commit as an
  # ideal group commit would.
  local app_jar every floor floor_url=$url client_cpu_ms server_cpu_ms
  app_jar=$(compgen -G "$app/app/*.jar" | head -n 1)
  [[ $db != h2 ]] || floor_url="$url;WRITE_DELAY=0;QUERY_CACHE_SIZE=64" # the app's own H2 settings
  for every in 1 10; do
    say "$label: the database alone, $FLOOR_ROWS comment rows, a commit every $every"
    floor=$("$JAVA" -Dclock.ticks="$TICKS" -cp "$driver:$app_jar" "$ROOT/bench/InsertFloor.java" "$floor_url" "$user" \
      "$FLOOR_ROWS" "$every")
    eval "$floor"
    FLOOR_ROWS_TABLE+=("$(printf '| %-36s | %12s | %12s | %14s | %14s | %14s |' "$label" "$every" \
      "$per_second" "$client_cpu_ms ms" "$server_cpu_ms ms" \
      "$(awk -v c="$client_cpu_ms" -v s="$server_cpu_ms" 'BEGIN { printf "%.3f ms", c + s }')")")
  done
}

for db in "${DBS[@]}"; do
  measure "$db"
done

{
  printf '\nGuest comments posted with every rule evaluated, flood and bot timers off, %s connections, %s s,\n' \
    "$CONNECTIONS" "$DURATION"
  printf 'a distinct X-Forwarded-For per request; %s; load average %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
  printf '| %-36s | %14s | %10s | %-16s | %-34s | %16s |\n' database acknowledged/s p99 errors \
    "rows in DB after kill -9 ≥ ack.?" "app CPU per post"
  printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..38})" "$(printf -- '-%.0s' {1..16})" \
    "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..18})" "$(printf -- '-%.0s' {1..36})" \
    "$(printf -- '-%.0s' {1..18})"
  printf '%s\n' "${ROWS[@]}"
  printf '| %-36s | %14s | %10s | %-16s | %-34s | %16s |\n' "WordPress (reported earlier)" \
    "$WORDPRESS_PER_SECOND" "" "" "" ""
  printf '\nThe database alone: insert + commit of one comment row, plain JDBC, one connection, %s rows\n\n' \
    "$FLOOR_ROWS"
  printf '| %-36s | %12s | %12s | %14s | %14s | %14s |\n' database "rows a commit" rows/s "client CPU/row" \
    "server CPU/row" "CPU per row"
  printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..38})" "$(printf -- '-%.0s' {1..14})" \
    "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..16})" \
    "$(printf -- '-%.0s' {1..16})"
  printf '%s\n' "${FLOOR_ROWS_TABLE[@]}"
} | tee "$BENCH_DIR/post-results.txt"
