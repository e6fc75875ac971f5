#!/usr/bin/env bash
# Reader-page benchmark (issue 13, goal 1): Parley's article page and embed fragment, 200 approved threaded comments
# each, against nginx serving the very same bytes from a file; with and without gzip asked. wrk -t2 -c16.
# Run from anywhere: bench/page-bench.sh   (see bench/README.md)
#
#   PARLEY_APP       packaged app (default target/quarkus-app; built with ./mvnw package if missing)
#   BENCH_DIR        work folder, deleted and recreated (default target/page-bench)
#   BENCH_PORT       first port to try (default 18100): the app, its management port and nginx take the first
#                    three free ports from there
#   BENCH_SECONDS    timed seconds per wrk run (default 15)
#   BENCH_WARMUP     untimed seconds before each timed run (default 5)
#   BENCH_JAVA_OPTS  JVM options for the app (default none: the JVM's defaults, as the README's run command)
#   WORDPRESS_URL    a WordPress post with 200 approved comments: adds a WordPress row (default: no such row)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
NAME=page-bench
# shellcheck source=bench/bench-lib.sh
source bench/bench-lib.sh

SECONDS_TIMED=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-5}
COMMENTS=200
GOAL_GZIP=100  # % of nginx gzipping the same bytes
GOAL_PLAIN=25  # % of nginx serving the file
GOAL_P99=25    # ms

check_java
need_debian_tool wrk wrk
need_debian_tool nginx nginx-light
command -v gzip >/dev/null || die "gzip is needed"
packaged_app

WORK=$(fresh_dir "${BENCH_DIR:-target/page-bench}")
DATA=$WORK/data
RESULTS=$WORK/page-results.txt
WRK_LOG=$WORK/wrk-output.txt
PORT=$(free_port "${BENCH_PORT:-18100}")
MANAGEMENT_PORT=$(free_port $((PORT + 1)))
NGINX_PORT=$(free_port $((MANAGEMENT_PORT + 1)))
BASE=http://127.0.0.1:$PORT
NGINX_BASE=http://127.0.0.1:$NGINX_PORT

NGINX_PID=
cleanup() {
  [[ -n $NGINX_PID ]] && kill -TERM "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  stop_all_apps
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. Data: the schema, the owner, an article and a host page's thread with 200 comments each ---------------
seed_data "$DATA" "$PORT" "$MANAGEMENT_PORT" page
SEED=$WORK/seed-page.properties
cat "$SEED" >&2
ARTICLE_URL=$BASE/articles/$(seed_fact "$SEED" article.slug)
EMBED_URL=$BASE/embed/thread?page=$(url_encode "$(seed_fact "$SEED" embed.page)")

say "Starting the app on the seeded database"
start_app "$DATA" "$PORT" "$MANAGEMENT_PORT" "$WORK/app.log"
APP_PID=${APP_PIDS[$PORT]}

# --- 2. What each server answers, checked before anything is timed ---------------------------------------------
mkdir -p "$WORK/www" "$WORK/answers"
declare -A PLAIN_BYTES=() GZIP_BYTES=() GZIP_NOTE=() STABLE_NOTE=()
NOTES=()

# check_parley <key> <url>: 200, all comments, the plain bytes saved as www/<key>.html for nginx; with gzip asked:
# Content-Encoding gzip and the same page once decoded (a missing gzip is reported, and the goal fails).
check_parley() {
  local key=$1 url=$2 a=$WORK/answers/$1
  local status
  status=$(fetch "$url" "$a.plain" "$a.plain.headers")
  [[ $status == 200 ]] || die "$url answered $status, not 200"
  [[ -z $(header_value "$a.plain.headers" content-encoding) ]] \
    || die "$url answered with Content-Encoding $(header_value "$a.plain.headers" content-encoding) to a request that asked for none"
  local shown
  shown=$(comments_in "$a.plain")
  [[ $shown == "$COMMENTS" ]] || die "$url shows $shown comments, not $COMMENTS (answer kept in $a.plain)"
  cp "$a.plain" "$WORK/www/$key.html"
  PLAIN_BYTES[$key]=$(stat -c %s "$a.plain")
  status=$(fetch "$url" "$a.again" "$a.again.headers")
  [[ $status == 200 ]] || die "$url answered $status the second time"
  if cmp -s "$a.plain" "$a.again"; then
    STABLE_NOTE[$key]="the same bytes on every request"
  else
    STABLE_NOTE[$key]="bytes differ between requests ($(stat -c %s "$a.again") the second time)"
  fi
  status=$(fetch "$url" "$a.gzip" "$a.gzip.headers" -H 'Accept-Encoding: gzip')
  [[ $status == 200 ]] || die "$url answered $status with gzip asked"
  if [[ $(header_value "$a.gzip.headers" content-encoding) == gzip ]]; then
    gzip -dc <"$a.gzip" >"$a.gzip.decoded" || die "$url: the gzip answer does not decompress"
    shown=$(comments_in "$a.gzip.decoded")
    [[ $shown == "$COMMENTS" ]] || die "$url with gzip shows $shown comments once decoded, not $COMMENTS"
    GZIP_BYTES[$key]=$(stat -c %s "$a.gzip")
    GZIP_NOTE[$key]=ok
  else
    shown=$(comments_in "$a.gzip")
    [[ $shown == "$COMMENTS" ]] || die "$url with gzip asked shows $shown comments, not $COMMENTS"
    GZIP_BYTES[$key]="-"
    GZIP_NOTE[$key]="not compressed"
    NOTES+=("$url: gzip asked, but the answer has no Content-Encoding: gzip ($(stat -c %s "$a.gzip") bytes)")
  fi
}
# check_nginx <key>: the file's exact bytes, and with gzip asked the same bytes compressed.
check_nginx() {
  local key=$1 url=$NGINX_BASE/$1.html a=$WORK/answers/nginx-$1
  [[ $(fetch "$url" "$a.plain" "$a.plain.headers") == 200 ]] || die "nginx did not answer 200 on $url"
  cmp -s "$a.plain" "$WORK/www/$key.html" || die "nginx's $url is not the saved file"
  [[ $(fetch "$url" "$a.gzip" "$a.gzip.headers" -H 'Accept-Encoding: gzip') == 200 ]] || die "nginx: $url with gzip"
  [[ $(header_value "$a.gzip.headers" content-encoding) == gzip ]] || die "nginx did not gzip $url"
  gzip -dc <"$a.gzip" | cmp -s - "$WORK/www/$key.html" || die "nginx's gzip of $url is not the saved file"
  PLAIN_BYTES[nginx-$key]=$(stat -c %s "$a.plain")
  GZIP_BYTES[nginx-$key]=$(stat -c %s "$a.gzip")
  GZIP_NOTE[nginx-$key]=ok
}

say "Checking Parley's answers"
check_parley article "$ARTICLE_URL"
check_parley embed "$EMBED_URL"

# nginx as Debian ships it, on the saved pages: gzip on (level 1, its default; text/html is always compressed),
# no access log, one worker per core.
mkdir -p "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  gzip on;
  gzip_comp_level 1;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
EOF
port_in_use "$NGINX_PORT" && die "port $NGINX_PORT is already in use"
nginx -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 50); do port_in_use "$NGINX_PORT" && break; sleep 0.1; done
port_in_use "$NGINX_PORT" || die "nginx did not start (see $WORK/nginx/error.log)"
check_nginx article
check_nginx embed

WORDPRESS_URL=${WORDPRESS_URL:-}
if [[ -n $WORDPRESS_URL ]]; then
  a=$WORK/answers/wordpress
  [[ $(fetch "$WORDPRESS_URL" "$a.plain" "$a.plain.headers") == 200 ]] || die "WORDPRESS_URL=$WORDPRESS_URL did not answer 200"
  PLAIN_BYTES[wordpress]=$(stat -c %s "$a.plain")
  [[ $(fetch "$WORDPRESS_URL" "$a.gzip" "$a.gzip.headers" -H 'Accept-Encoding: gzip') == 200 ]] \
    || die "WORDPRESS_URL did not answer 200 with gzip asked"
  if [[ $(header_value "$a.gzip.headers" content-encoding) == gzip ]]; then
    GZIP_BYTES[wordpress]=$(stat -c %s "$a.gzip")
    GZIP_NOTE[wordpress]=ok
  else
    GZIP_BYTES[wordpress]="-"
    GZIP_NOTE[wordpress]="not compressed"
  fi
  NOTES+=("WordPress: $(comments_in "$a.plain") comments (id=\"comment-N\") on $WORDPRESS_URL")
fi

# --- 3. Timing ------------------------------------------------------------------------------------------------
declare -A RPS_OF=() P99_OF=() BAD_OF=()
measure() { # measure <key> <url>: plain and gzip asked, each after a warm-up
  local key=$1 url=$2 mode header=()
  for mode in plain gzip; do
    header=()
    [[ $mode == gzip ]] && header=('Accept-Encoding: gzip')
    wrk_warmup "$url" "$WARMUP" "${header[@]}"
    wrk_run "$key, $mode" "$url" "$SECONDS_TIMED" "${header[@]}"
    RPS_OF[$key.$mode]=$RPS
    P99_OF[$key.$mode]=$P99_MS
    BAD_OF[$key.$mode]=$BAD
  done
}
say "Timing: wrk -t2 -c16, ${WARMUP} s warm-up + ${SECONDS_TIMED} s per run"
measure article "$ARTICLE_URL"
measure nginx-article "$NGINX_BASE/article.html"
measure embed "$EMBED_URL"
measure nginx-embed "$NGINX_BASE/embed.html"
[[ -n $WORDPRESS_URL ]] && measure wordpress "$WORDPRESS_URL"
RSS=$(rss_of "$APP_PID")

# --- 4. The table ---------------------------------------------------------------------------------------------
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", 100 * a / b; else print "-" }'; }
row() { # row <label> <key> [nginx key]
  local key=$2 base=${3:-} plain_ratio=" " gzip_ratio=" "
  if [[ -n $base ]]; then
    plain_ratio="$(pct "${RPS_OF[$key.plain]}" "${RPS_OF[$base.plain]}")%"
    gzip_ratio="$(pct "${RPS_OF[$key.gzip]}" "${RPS_OF[$base.gzip]}")%"
    [[ ${GZIP_NOTE[$key]} == ok ]] || gzip_ratio+=" (no gzip)"
  fi
  printf '%-30s | %9.1f %8.1f | %9.1f %8.1f | %8s / %-7s | %9s | %s\n' "$1" \
    "${RPS_OF[$key.plain]}" "${P99_OF[$key.plain]}" "${RPS_OF[$key.gzip]}" "${P99_OF[$key.gzip]}" \
    "${PLAIN_BYTES[$key]}" "${GZIP_BYTES[$key]}" "$plain_ratio" "$gzip_ratio"
}
verdict() { awk -v v="$1" -v goal="$2" -v dir="$3" 'BEGIN { ok = dir == "min" ? v >= goal : v <= goal; print ok ? "PASS" : "FAIL" }'; }
goal_lines() { # goal_lines <label> <key> <nginx key>
  local key=$2 base=$3 gz pl p99 errors
  gz=$(pct "${RPS_OF[$key.gzip]}" "${RPS_OF[$base.gzip]}")
  pl=$(pct "${RPS_OF[$key.plain]}" "${RPS_OF[$base.plain]}")
  p99=$(awk -v a="${P99_OF[$key.plain]}" -v b="${P99_OF[$key.gzip]}" 'BEGIN { print (a > b ? a : b) }')
  errors=$((BAD_OF[$key.plain] + BAD_OF[$key.gzip]))
  printf '%-16s gzip asked: %s%% of nginx gzip (goal >= %s%%) %s | plain: %s%% of nginx file (goal >= %s%%) %s | p99 %s ms (goal <= %s) %s | compressed: %s | errors: %s\n' \
    "$1" "$gz" "$GOAL_GZIP" "$(if [[ ${GZIP_NOTE[$key]} == ok ]]; then verdict "$gz" "$GOAL_GZIP" min; else echo FAIL; fi)" \
    "$pl" "$GOAL_PLAIN" "$(verdict "$pl" "$GOAL_PLAIN" min)" \
    "$p99" "$GOAL_P99" "$(verdict "$p99" "$GOAL_P99" max)" \
    "$([[ ${GZIP_NOTE[$key]} == ok ]] && echo PASS || echo "FAIL (${GZIP_NOTE[$key]})")" \
    "$( ((errors == 0)) && echo "PASS (none)" || echo "FAIL ($errors non-2xx or socket errors)")"
}
{
  echo "Parley page benchmark (issue 13, goal 1), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "app:     $APP (embedded H2), JVM options: ${BENCH_JAVA_OPTS:-none}"
  echo "java:    $("$JAVA" -version 2>&1 | head -n 1)"
  echo "nginx:   $(nginx -v 2>&1 | sed 's/^nginx version: //'), gzip_comp_level 1, $(nproc) workers; wrk $(wrk -v 2>&1 | head -n 1 | cut -d ' ' -f 2)"
  echo "machine: $(nproc) CPUs, load average before the table $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "load:    wrk -t2 -c16 --latency, ${WARMUP} s warm-up + ${SECONDS_TIMED} s per cell; $COMMENTS approved threaded comments per page"
  echo "pages:   article ${STABLE_NOTE[article]}; embed fragment ${STABLE_NOTE[embed]}"
  echo
  printf '%-30s | %-18s | %-18s | %-18s | %-9s | %s\n' "server" "no compression" "gzip asked" "bytes" "vs nginx" "vs nginx"
  printf '%-30s | %9s %8s | %9s %8s | %8s / %-7s | %9s | %s\n' "" "req/s" "p99 ms" "req/s" "p99 ms" "plain" "gzip" "plain" "gzip"
  printf -- '-%.0s' $(seq 118)
  echo
  row "Parley, article page" article nginx-article
  row "nginx, the same bytes (file)" nginx-article
  row "Parley, embed fragment" embed nginx-embed
  row "nginx, the same bytes (file)" nginx-embed
  if [[ -n $WORDPRESS_URL ]]; then
    row "WordPress post" wordpress nginx-article
  else
    printf '%-30s | skipped: set WORDPRESS_URL to a WordPress post with 200 comments\n' "WordPress"
  fi
  printf -- '-%.0s' $(seq 118)
  echo
  goal_lines "article page" article nginx-article
  goal_lines "embed fragment" embed nginx-embed
  echo
  echo "Parley's memory after the load: $RSS (java pid $APP_PID)"
  for note in "${NOTES[@]}"; do echo "note: $note"; done
} | tee "$RESULTS"
say "Results written to $RESULTS (wrk's own output: $WRK_LOG)"
