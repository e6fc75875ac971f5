#!/usr/bin/env bash
# Memory and start (issue 13, goal 5): the packaged app with the JVM's defaults (plain "java -jar") side by side
# with Parley's JVM settings (src/main/jvm/parley.options and the AppCDS archive, as the README's run command
# starts it), on the same data folder in one run:
#   - start to the first page served (an article with a 200-comment thread), median of BENCH_STARTS starts;
#   - RSS once the first page is served and the app has settled (idle);
#   - RSS peak (VmHWM) under wrk -t2 -c16 on that page with gzip asked, and the requests per second.
# Two more columns show what two of the settings give: C2 switched back on, and no AppCDS archive.
#
#   bench/memory-start.sh               (from the repository root or from anywhere)
#
# Needs Java 17+, curl and wrk (Debian: apt-get install wrk); the app and the H2 driver come from the package.
# See bench/README.md for the variables and what to expect.
set -euo pipefail

cd "$(dirname "$0")/.."
APP=${PARLEY_APP:-target/quarkus-app}
BENCH_DIR=${BENCH_DIR:-target/bench-memory}
STARTS=${BENCH_STARTS:-5}
LOAD_SECONDS=${BENCH_SECONDS:-20}
SETTLE_SECONDS=${BENCH_SETTLE:-5}
COMMENTS=${BENCH_COMMENTS:-200}
SLUG=bench-thread

for command in java curl wrk; do
    command -v "$command" >/dev/null || { echo "memory-start: $command is missing (wrk: apt-get install wrk)" >&2; exit 1; }
done

if [[ -z ${PARLEY_APP:-} && ! -f $APP/app-cds.jsa ]]; then
    echo "memory-start: packaging the app as the README's run command does (./mvnw -DskipTests -Pappcds package)" >&2
    ./mvnw -q -DskipTests -Pappcds package
fi
[[ -f $APP/quarkus-run.jar ]] || { echo "memory-start: no $APP/quarkus-run.jar; package the app first" >&2; exit 1; }
h2_jar=$(ls "$APP"/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -n 1)
[[ -n $h2_jar ]] || { echo "memory-start: $APP has no H2 driver (the PostgreSQL build?)" >&2; exit 1; }

free_port() {
    local port=$1
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || (echo >"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; do
        port=$((port + 2))
    done
    echo "$port"
}
PORT=${BENCH_PORT:-$(free_port 18190)}
MANAGEMENT_PORT=$((PORT + 1))
PAGE=http://127.0.0.1:$PORT/articles/$SLUG

# The configurations compared: a label and the JVM options before "-jar". The archive serves only the class path
# it was recorded with, so the app is started as the README does: from the repository root, -jar $APP/quarkus-run.jar.
LABELS=("JVM defaults" "Parley" "Parley, C2 on" "Parley, no AppCDS")
OPTIONS=(
    ""
    "@src/main/jvm/parley.options -XX:SharedArchiveFile=$APP/app-cds.jsa"
    "@src/main/jvm/parley.options -XX:SharedArchiveFile=$APP/app-cds.jsa -XX:TieredStopAtLevel=4"
    "@src/main/jvm/parley.options"
)

rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"
DATA=$BENCH_DIR/data
app_pid=

stop_app() {
    if [[ -n $app_pid ]]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
        app_pid=
    fi
}
trap stop_app EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Starts the app with the given JVM options (word-split on purpose) and extra environment; sets app_pid.
launch() {
    local options=$1 log=$2
    shift 2
    # shellcheck disable=SC2086
    env "$@" PARLEY_DATA_DIR="$DATA" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
        PARLEY_MANAGEMENT_PORT="$MANAGEMENT_PORT" PARLEY_BACKUP_EVERY=off \
        java $options -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
    app_pid=$!
}

# Polls until the page answers 200 (fails if the app dies or takes over 120 s).
await_page() {
    local url=$1 deadline=$(($(now_ms) + 120000))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]]; do
        if ! kill -0 "$app_pid" 2>/dev/null || (($(now_ms) > deadline)); then
            echo "memory-start: the app did not serve $url; its log:" >&2
            tail -n 30 "$BENCH_DIR"/app-*.log >&2
            exit 1
        fi
        sleep 0.02
    done
}

status_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$app_pid/status"; }
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tick) }' "/proc/$app_pid/stat"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# --- The data folder: schema and owner from a first start, then the thread, app stopped -------------------
echo "memory-start: creating the data folder ($DATA)" >&2
launch "" "$BENCH_DIR/app-first-start.log" PARLEY_ADMIN_EMAIL=owner@example.org PARLEY_ADMIN_PASSWORD=bench-owner-password
await_page "http://127.0.0.1:$PORT/"
stop_app
# The app's jar too: H2 runs the page cache's triggers (pagecache/H2StampTriggers) on every insert.
app_jar=$(ls "$APP"/app/*.jar | head -n 1)
java -cp "$h2_jar:$app_jar" bench/SeedThreads.java "jdbc:h2:file:$(cd "$DATA" && pwd)/parley" "$COMMENTS" >/dev/null

# --- Each configuration: STARTS timed starts, then one start under load ------------------------------------
declare -A result
for i in "${!LABELS[@]}"; do
    label=${LABELS[$i]}
    options=${OPTIONS[$i]}
    log="$BENCH_DIR/app-$i.log"
    echo "memory-start: $label: $STARTS starts (java $options -jar ...)" >&2
    starts=() cpus=()
    for ((run = 1; run <= STARTS; run++)); do
        began=$(now_ms)
        launch "$options" "$log"
        await_page "$PAGE"
        starts+=($(($(now_ms) - began)))
        cpus+=("$(cpu_ms)")
        stop_app
    done
    result[$i,start]=$(printf '%s\n' "${starts[@]}" | median)
    result[$i,range]="$(printf '%s\n' "${starts[@]}" | sort -n | head -n 1)-$(printf '%s\n' "${starts[@]}" | sort -n | tail -n 1)"
    result[$i,cpu]=$(printf '%s\n' "${cpus[@]}" | median)

    echo "memory-start: $label: ${LOAD_SECONDS}s of wrk -t2 -c16 with gzip asked" >&2
    launch "$options" "$log"
    await_page "$PAGE"
    sleep "$SETTLE_SECONDS"
    result[$i,idle]=$(($(status_kb VmRSS) / 1024))
    wrk_command=(wrk -t2 -c16 -d"${LOAD_SECONDS}s" --latency -H 'Accept-Encoding: gzip' "$PAGE")
    if [[ -n ${BENCH_LOCK:-} ]]; then
        wrk_command=(flock "$BENCH_LOCK" "${wrk_command[@]}")
    fi
    "${wrk_command[@]}" >"$BENCH_DIR/wrk-$i.txt"
    result[$i,peak]=$(($(status_kb VmHWM) / 1024))
    result[$i,after]=$(($(status_kb VmRSS) / 1024))
    result[$i,rps]=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$BENCH_DIR/wrk-$i.txt")
    result[$i,p99]=$(awk '$1 == "99%" { print $2 }' "$BENCH_DIR/wrk-$i.txt")
    result[$i,errors]=$(awk '/Non-2xx|Socket errors/ { print }' "$BENCH_DIR/wrk-$i.txt" | tr -s ' ' | paste -sd ';' -)
    [[ -z ${result[$i,errors]} ]] || echo "memory-start: $label: wrk reported ${result[$i,errors]}" >&2
    stop_app
done

# --- The table -------------------------------------------------------------------------------------------
{
    echo "Memory and start: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(java -version 2>&1 | head -n 1),"
    echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg); $COMMENTS approved comments on /articles/$SLUG"
    echo
    printf '%-40s' ""
    for label in "${LABELS[@]}"; do printf '| %-18s' "$label"; done
    echo
    row() {
        printf '%-40s' "$1"
        for i in "${!LABELS[@]}"; do printf '| %18s' "${result[$i,$2]}"; done
        echo
    }
    row "start to first page, median (ms)" start
    row "  min-max of $STARTS starts (ms)" range
    row "CPU time to first page, median (ms)" cpu
    row "RSS idle, first page served (MB)" idle
    row "RSS peak under load, VmHWM (MB)" peak
    row "RSS at the end of the load (MB)" after
    row "requests/s, gzip asked" rps
    row "p99 latency" p99
    echo
    echo "Options (before -jar $APP/quarkus-run.jar):"
    for i in "${!LABELS[@]}"; do printf '  %-18s java %s\n' "${LABELS[$i]}:" "${OPTIONS[$i]:-(none)}"; done
} | tee "$BENCH_DIR/memory-start-results.txt"
