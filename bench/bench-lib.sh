# Shared by bench/page-bench.sh, bench/size-bench.sh and bench/queue-bench.sh (sourced, not run): the packaged app, a fresh work
# folder, free ports, starting and stopping the app on a data folder, seeding, and wrk runs.
# The caller sets NAME (for messages) and has cd'ed to the repository root.

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OWNER_EMAIL=bench@example.org
OWNER_PASSWORD=bench-owner-password-not-secret

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "$NAME" "$*" >&2; exit 1; }

# Debian's wrk and nginx (nginx-light is enough), installed when missing and we may install them.
need_debian_tool() { # $1: command, $2: package
  command -v "$1" >/dev/null && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "Installing $2 (apt-get install -y $2)"
    apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; } \
      || die "could not install $2"
  fi
  command -v "$1" >/dev/null || die "$1 is needed (Debian: apt-get install $2)"
}

check_java() {
  command -v curl >/dev/null || die "curl is needed"
  "$JAVA" -version 2>&1 | grep >/dev/null 'version "\(1[7-9]\|[2-9][0-9]\)' || die "Java 17 or newer is needed ($JAVA)"
}

# Sets APP (absolute) and H2_JAR; packages the app when the default one is missing.
packaged_app() {
  APP=${PARLEY_APP:-target/quarkus-app}
  if [[ ! -f $APP/quarkus-run.jar ]]; then
    [[ -z ${PARLEY_APP:-} ]] || die "no quarkus-run.jar in PARLEY_APP=$APP"
    say "Packaging the app (./mvnw -q -DskipTests package)"
    ./mvnw -q -DskipTests package
    [[ -f $APP/quarkus-run.jar ]] || die "the build made no $APP/quarkus-run.jar"
  fi
  APP=$(cd "$APP" && pwd)
  H2_JAR=$(compgen -G "$APP/lib/main/com.h2database.h2-*.jar" | head -n 1) || true
  [[ -n $H2_JAR ]] || die "no H2 driver in $APP/lib/main (the benchmark needs the embedded H2 build)"
  # Parley's database runs Parley's triggers (Java classes, in the app's jar): whoever writes to it needs them too.
  H2_JAR="$H2_JAR:$APP/app/*"
}

# $1: the folder, deleted and recreated; prints its absolute path.
fresh_dir() {
  local root
  root=$(pwd)
  mkdir -p "$1"
  local dir
  dir=$(cd "$1" && pwd)
  case $dir in
    / | "$root" | "$HOME") die "refusing to delete the work folder $dir" ;;
  esac
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "$dir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The first port from $1 on that nothing listens on and that this run has not handed out yet.
TAKEN_PORTS=" "
free_port() {
  local port=$1
  while port_in_use "$port" || [[ $TAKEN_PORTS == *" $port "* ]]; do port=$((port + 1)); done
  TAKEN_PORTS+="$port "
  echo "$port"
}

# start_app <data dir> <port> <management port> <log file>: sets APP_PIDS[<port>].
# The app runs as the README's run command runs it (java -jar quarkus-run.jar) with BENCH_JAVA_OPTS; the
# scheduled purge and backup are off, so that neither runs while we measure.
declare -A APP_PIDS=()
start_app() {
  local data=$1 port=$2 management=$3 log=$4
  port_in_use "$port" && die "port $port is already in use (set BENCH_PORT)"
  # shellcheck disable=SC2086
  env PARLEY_DATA_DIR="$data" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    PARLEY_MANAGEMENT_PORT="$management" \
    PARLEY_ADMIN_EMAIL="$OWNER_EMAIL" PARLEY_ADMIN_PASSWORD="$OWNER_PASSWORD" \
    PARLEY_PASSWORD_ITERATIONS=1000 PARLEY_PURGE_EVERY=off PARLEY_BACKUP_EVERY=off \
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
  local pid=$!
  APP_PIDS[$port]=$pid
  local started=$SECONDS
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$port/" || true) == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2
      unset "APP_PIDS[$port]"
      die "the app exited during start-up (log: $log)"
    fi
    ((SECONDS - started < 300)) || die "the app did not answer 200 on port $port within 300 s"
    sleep 0.2
  done
  echo "app up on http://127.0.0.1:$port after $((SECONDS - started)) s (pid $pid)" >&2
}
stop_app() { # $1: port
  local pid=${APP_PIDS[$1]:-}
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  unset "APP_PIDS[$1]"
}
stop_all_apps() {
  local port
  for port in "${!APP_PIDS[@]}"; do stop_app "$port"; done
}

# A data folder with the schema, the owner account and the two 200-comment threads (SeedThreads), then, if
# $5 > 0, that many comments on $6 other articles (SeedQueue). Writes <data>/../seed-<name>.properties.
# seed_data <data dir> <port> <management port> <name> [other comments] [other articles]
seed_data() {
  local data=$1 port=$2 management=$3 name=$4 others=${5:-0} articles=${6:-1000}
  local dir
  dir=$(dirname "$data")
  mkdir -p "$data"
  say "Creating the schema and the owner account ($name, first start)"
  start_app "$data" "$port" "$management" "$dir/app-first-start-$name.log"
  stop_app "$port"
  [[ -f $data/parley.mv.db ]] || die "the first start made no $data/parley.mv.db"
  say "Seeding the article and the embedded thread, 200 comments each ($name)"
  "$JAVA" -cp "$H2_JAR" bench/SeedThreads.java "jdbc:h2:file:$data/parley" >"$dir/seed-$name.properties"
  if ((others > 0)); then
    say "Seeding $others comments on $articles other articles ($name)"
    local started=$SECONDS
    "$JAVA" -cp "$H2_JAR" bench/SeedQueue.java "jdbc:h2:file:$data/parley" "$others" "$articles" \
      >>"$dir/seed-$name.properties"
    echo "seeding.seconds=$((SECONDS - started))" >>"$dir/seed-$name.properties"
  fi
}
seed_fact() { sed -n "s/^$2=//p" "$1" | head -n 1; } # seed_fact <properties> <key>

url_encode() { # an ASCII string as a query parameter's value
  local s=$1 out= c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  echo "$out"
}

# fetch <url> <out body> <out headers> [curl options]: the body exactly as sent (no decoding); prints the status.
fetch() {
  local url=$1 body=$2 headers=$3
  shift 3
  curl -s --max-time 60 -o "$body" -D "$headers" -w '%{http_code}' "$@" "$url"
}
header_value() { # header_value <headers file> <name>
  awk -v name="$(tr '[:upper:]' '[:lower:]' <<<"$2")" -F': *' \
    'tolower($1) == name { sub(/\r$/, "", $2); value = $2 } END { print value }' "$1"
}
comments_in() { grep -o 'id="comment-[0-9]*"' "$1" | sort -u | wc -l; }

# wrk_run <label> <url> <seconds> [header...]: runs wrk -t2 -c16 --latency; sets RPS, P99_MS, BAD (non-2xx/3xx and
# socket errors). The raw output is appended to $WRK_LOG. wrk's timeout is raised from 2 s to 30 s, so that a
# slow answer is counted in the percentiles instead of being dropped as an error.
wrk_warmup() { # wrk_warmup <url> <seconds> [header...]
  local url=$1 seconds=$2 header
  shift 2
  local args=(-t2 -c16 -d"${seconds}s" --timeout 30s)
  for header in "$@"; do args+=(-H "$header"); done
  wrk "${args[@]}" "$url" >/dev/null || die "wrk failed on $url"
}
wrk_run() {
  local label=$1 url=$2 seconds=$3 header
  shift 3
  local args=(-t2 -c16 -d"${seconds}s" --timeout 30s --latency)
  for header in "$@"; do args+=(-H "$header"); done
  local out
  out=$(wrk "${args[@]}" "$url") || die "wrk failed on $url"
  printf '### %s (%s s)\n%s\n\n' "$label" "$seconds" "$out" >>"$WRK_LOG"
  RPS=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  P99_MS=$(awk '$1 == "99%" {
      v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000
      printf "%.1f", v }' <<<"$out")
  BAD=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
      END { print n + 0 }' <<<"$out")
  [[ -n $RPS && -n $P99_MS ]] || die "could not read wrk's output for $label (see $WRK_LOG)"
  printf '  %-44s %10.1f req/s   p99 %8.1f ms%s\n' "$label" "$RPS" "$P99_MS" \
    "$( ((BAD > 0)) && echo "   ($BAD errors or non-2xx answers)")" >&2
}

# Resident memory of a process: "VmRSS 123 MiB, VmHWM 456 MiB".
rss_of() {
  awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 } END { printf "VmRSS %.0f MiB, VmHWM %.0f MiB", rss / 1024, hwm / 1024 }' \
    "/proc/$1/status" 2>/dev/null || echo "unknown (process $1 gone)"
}
