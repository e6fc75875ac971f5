#!/usr/bin/env bash
# Site-size benchmark (issue 13, goal 3): the same article page (200 approved threaded comments) on a site with
# 1,000 comments elsewhere and on one with 1,000,000 elsewhere, side by side; gzip asked, wrk -t2 -c16.
# Run from anywhere: bench/size-bench.sh   (see bench/README.md)
#
#   PARLEY_APP       packaged app (default target/quarkus-app; built with ./mvnw package if missing)
#   BENCH_DIR        work folder, deleted and recreated (default target/size-bench)
#   BENCH_PORT       first port to try (default 18110): the two apps and their management ports take the first
#                    four free ports from there
#   BENCH_SMALL      comments elsewhere on the small site (default 1000)
#   BENCH_LARGE      comments elsewhere on the large site (default 1000000)
#   BENCH_ARTICLES   other articles they are spread over, on both sites (default 1000)
#   BENCH_SECONDS    timed seconds per wrk run (default 15)
#   BENCH_WARMUP     untimed seconds per app and kind of request before the first timed run (default 10)
#   BENCH_ROUNDS     timed runs per app and kind of request, alternating between the two apps (default 2)
#   BENCH_JAVA_OPTS  JVM options for the apps (default none: the JVM's defaults, as the README's run command)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
NAME=size-bench
# shellcheck source=bench/bench-lib.sh
source bench/bench-lib.sh

SMALL=${BENCH_SMALL:-1000}
LARGE=${BENCH_LARGE:-1000000}
ARTICLES=${BENCH_ARTICLES:-1000}
SECONDS_TIMED=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-10}
ROUNDS=${BENCH_ROUNDS:-2}
COMMENTS=200
GOAL=10 # % that the large site may differ from the small one

check_java
need_debian_tool wrk wrk
packaged_app

WORK=$(fresh_dir "${BENCH_DIR:-target/size-bench}")
RESULTS=$WORK/size-results.txt
WRK_LOG=$WORK/wrk-output.txt
declare -A PORT_OF=() MANAGEMENT_OF=()
PORT_OF[small]=$(free_port "${BENCH_PORT:-18110}")
MANAGEMENT_OF[small]=$(free_port $((PORT_OF[small] + 1)))
PORT_OF[large]=$(free_port $((MANAGEMENT_OF[small] + 1)))
MANAGEMENT_OF[large]=$(free_port $((PORT_OF[large] + 1)))
declare -A OTHERS=([small]=$SMALL [large]=$LARGE)

trap stop_all_apps EXIT
trap 'exit 130' INT TERM

# --- 1. Two databases: the same article, and SMALL or LARGE comments on other articles ---------------------------
for site in small large; do
  seed_data "$WORK/data-$site" "${PORT_OF[$site]}" "${MANAGEMENT_OF[$site]}" "$site" "${OTHERS[$site]}" "$ARTICLES"
done

# --- 2. Both apps up, their answers checked ----------------------------------------------------------------------
for site in small large; do
  say "Starting the app on the $site site (${OTHERS[$site]} comments elsewhere)"
  start_app "$WORK/data-$site" "${PORT_OF[$site]}" "${MANAGEMENT_OF[$site]}" "$WORK/app-$site.log"
done
SLUG=$(seed_fact "$WORK/seed-small.properties" article.slug)
url_of() { echo "http://127.0.0.1:${PORT_OF[$1]}/articles/$SLUG"; }

# A browser with a commenter token (random, as Parley makes them) is personal: its page is rendered every time.
TOKEN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
declare -A HEADERS_OF=([anonymous]="" [personal]="Cookie: parley_commenter=$TOKEN")
NOTES=()
mkdir -p "$WORK/answers"
say "Checking the answers"
for site in small large; do
  for who in anonymous personal; do
    a=$WORK/answers/$site-$who
    extra=(-H 'Accept-Encoding: gzip')
    [[ -n ${HEADERS_OF[$who]} ]] && extra+=(-H "${HEADERS_OF[$who]}")
    status=$(fetch "$(url_of "$site")" "$a.body" "$a.headers" "${extra[@]}")
    [[ $status == 200 ]] || die "$(url_of "$site") ($who) answered $status, not 200"
    if [[ $(header_value "$a.headers" content-encoding) == gzip ]]; then
      gzip -dc <"$a.body" >"$a.html" || die "$(url_of "$site") ($who): the gzip answer does not decompress"
      encoding=gzip
    else
      cp "$a.body" "$a.html"
      encoding="not compressed"
    fi
    shown=$(comments_in "$a.html")
    [[ $shown == "$COMMENTS" ]] || die "$(url_of "$site") ($who) shows $shown comments, not $COMMENTS"
    NOTES+=("$site site, $who: $(stat -c %s "$a.body") bytes, $encoding, Cache-Control: $(header_value "$a.headers" cache-control)")
  done
done

# --- 3. Timing, alternating between the two apps --------------------------------------------------------------
declare -A RPS_SUM=() P99_SUM=() BAD_SUM=()
say "Timing: wrk -t2 -c16, gzip asked; ${WARMUP} s warm-up, then $ROUNDS x ${SECONDS_TIMED} s per app, alternating"
for who in anonymous personal; do
  headers=('Accept-Encoding: gzip')
  [[ -n ${HEADERS_OF[$who]} ]] && headers+=("${HEADERS_OF[$who]}")
  for site in small large; do wrk_warmup "$(url_of "$site")" "$WARMUP" "${headers[@]}"; done
  for ((round = 1; round <= ROUNDS; round++)); do
    for site in small large; do
      wrk_run "$who, $site site, round $round" "$(url_of "$site")" "$SECONDS_TIMED" "${headers[@]}"
      RPS_SUM[$who.$site]=$(awk -v a="${RPS_SUM[$who.$site]:-0}" -v b="$RPS" 'BEGIN { print a + b }')
      P99_SUM[$who.$site]=$(awk -v a="${P99_SUM[$who.$site]:-0}" -v b="$P99_MS" 'BEGIN { print a + b }')
      BAD_SUM[$who.$site]=$((${BAD_SUM[$who.$site]:-0} + BAD))
    done
  done
done
declare -A RSS_OF=()
for site in small large; do RSS_OF[$site]=$(rss_of "${APP_PIDS[${PORT_OF[$site]}]}"); done

# --- 4. The table -------------------------------------------------------------------------------------------------
mean() { awk -v s="$1" -v n="$ROUNDS" 'BEGIN { printf "%.1f", s / n }'; }
row() { # row <label> <who>
  local who=$2 rs rl ps pl rr pr errors
  rs=$(mean "${RPS_SUM[$who.small]}")
  rl=$(mean "${RPS_SUM[$who.large]}")
  ps=$(mean "${P99_SUM[$who.small]}")
  pl=$(mean "${P99_SUM[$who.large]}")
  rr=$(awk -v a="$rl" -v b="$rs" 'BEGIN { printf "%.1f", 100 * a / b }')
  pr=$(awk -v a="$pl" -v b="$ps" 'BEGIN { printf "%.1f", 100 * a / b }')
  errors=$((BAD_SUM[$who.small] + BAD_SUM[$who.large]))
  printf '%-30s | %10s %9s | %10s %9s | %7s%% %-6s | %7s%% %s%s\n' "$1" "$rs" "$ps" "$rl" "$pl" \
    "$rr" "$(awk -v r="$rr" -v g="$GOAL" 'BEGIN { print r >= 100 - g ? "PASS" : "FAIL" }')" \
    "$pr" "$(awk -v r="$pr" -v g="$GOAL" 'BEGIN { print r <= 100 + g ? "PASS" : "FAIL" }')" \
    "$( ((errors > 0)) && echo " | FAIL: $errors non-2xx or socket errors")"
}
thousands() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }
fact() { seed_fact "$WORK/seed-$1.properties" "$2"; }
{
  echo "Parley site-size benchmark (issue 13, goal 3), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "app:     $APP (embedded H2, $(basename "$H2_JAR" .jar)), JVM options: ${BENCH_JAVA_OPTS:-none}"
  echo "java:    $("$JAVA" -version 2>&1 | head -n 1)"
  echo "machine: $(nproc) CPUs, load average before the table $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "page:    /articles/$SLUG, $COMMENTS approved threaded comments; gzip asked"
  echo "sites:   small: $(fact small count.ALL) comments in all, large: $(fact large count.ALL)" \
    "(seeded in $(fact large seeding.seconds) s), each over $ARTICLES other articles"
  echo "load:    wrk -t2 -c16 --latency; ${WARMUP} s warm-up, then the mean of $ROUNDS run(s) of ${SECONDS_TIMED} s per cell," \
    "the two apps alternating"
  echo
  printf '%-30s | %-20s | %-20s | %-15s | %s\n' "article page, gzip asked" "$(thousands "$SMALL") elsewhere" \
    "$(thousands "$LARGE") elsewhere" "large/small" "large/small"
  printf '%-30s | %10s %9s | %10s %9s | %-15s | %s\n' "" "req/s" "p99 ms" "req/s" "p99 ms" "req/s >= $((100 - GOAL))%" \
    "p99 <= $((100 + GOAL))%"
  printf -- '-%.0s' $(seq 116)
  echo
  row "anonymous reader" anonymous
  row "personal (commenter cookie)" personal
  printf -- '-%.0s' $(seq 116)
  echo
  echo "memory after the load: small site ${RSS_OF[small]}; large site ${RSS_OF[large]}"
  for note in "${NOTES[@]}"; do echo "answer: $note"; done
} | tee "$RESULTS"
say "Results written to $RESULTS (wrk's own output: $WRK_LOG)"
