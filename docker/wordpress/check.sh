#!/usr/bin/env bash
# check.sh: tries the README's WordPress recipe on a real WordPress, the way a reader meets it.
#
# WordPress (Debian's package, on Debian's Apache with mod_php, already installed and served at $WP_URL) gets
# the plugin parley-comments/ and the Apache snippet apache-parley.conf exactly as the README gives them;
# Parley (the packaged jar, a fresh data folder) gets the WordPress origin as a site. Then curl and headless
# Chromium with JavaScript off read a post: Parley's thread is inside the theme's page, a comment posts and
# comes back to the post at #comment-N marked "awaiting moderation", WordPress's own comment endpoint says
# comments are closed, and a stopped Parley leaves a readable note instead of the thread.
#
# Run as root from anywhere, after `./mvnw package -DskipTests`:   docker/wordpress/check.sh
# (PARLEY_JAR=… names another packaged quarkus-run.jar; PARLEY_PORT, WP_URL, WP_ROOT and WP_CONTENT other places.)
# Needs: curl, jq, chromium, chromedriver, Java 17; a2enmod/a2enconf/apache2ctl (Debian's apache2).
# Leaves WordPress as it found it: at the end the plugin is deactivated and removed, the Apache snippet
# (/etc/apache2/conf-available/parley-comments.conf) disabled, the theme the site had switched back on; Parley
# and chromedriver are stopped and their folders removed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
WP_URL=${WP_URL:-http://127.0.0.1:8081}
WP_ROOT=${WP_ROOT:-/usr/share/wordpress}
WP_CONTENT=${WP_CONTENT:-/var/lib/wordpress/wp-content}
PARLEY_PORT=${PARLEY_PORT:-8080}
jar=${PARLEY_JAR:-$repo/target/quarkus-app/quarkus-run.jar}

step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Fails unless the text in $1 contains $2 (fixed string).
expect() { grep -qF -- "$2" <<<"$1" || fail "${3:-expected to see: $2}"; }
refuse() { ! grep -qF -- "$2" <<<"$1" || fail "${3:-expected not to see: $2}"; }

[ "$(id -u)" = 0 ] || fail "run as root: the check installs a WordPress plugin and an Apache configuration"
[ -f "$jar" ] || fail "package Parley first: ./mvnw -B -ntp package -DskipTests"
for tool in curl jq chromium chromedriver java python3 apache2ctl a2enconf php; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
curl -sf -o /dev/null "$WP_URL/" || fail "no WordPress answers at $WP_URL/"
! (exec 3<>"/dev/tcp/127.0.0.1/$PARLEY_PORT") 2>/dev/null || fail "port $PARLEY_PORT is taken: stop what runs there, or set PARLEY_PORT"

# Runs PHP ($1) inside WordPress; Debian's wp-config.php picks /etc/wordpress/config-<host>.php by the host.
wp_eval() {
  WP_HOST=${WP_URL#*://} WP_ROOT="$WP_ROOT" php -r '
    $_SERVER["HTTP_HOST"] = getenv("WP_HOST"); $_SERVER["REQUEST_URI"] = "/"; $_SERVER["REQUEST_METHOD"] = "GET";
    require getenv("WP_ROOT") . "/wp-load.php";
    require_once ABSPATH . "wp-admin/includes/plugin.php";
    '"$1"
}
work=$(mktemp -d)
pids=()
theme=""
# Forgets the threads and counts the plugin kept (transients), which belong to one run's Parley.
forget_kept='global $wpdb; $wpdb->query("DELETE FROM $wpdb->options WHERE option_name LIKE \"\\_transient\\_%parley\\_%\"");'
cleanup() {
  [ -z "$theme" ] || wp_eval 'switch_theme("'"$theme"'");' || true
  if [ -d "$WP_CONTENT/plugins/parley-comments" ]; then
    wp_eval 'deactivate_plugins("parley-comments/parley-comments.php");
      delete_option("parley_comments_address"); delete_option("parley_comments_prefix");' || true
    wp_eval "$forget_kept" || true
    rm -rf "$WP_CONTENT/plugins/parley-comments"
  fi
  if [ -e /etc/apache2/conf-enabled/parley-comments.conf ]; then
    a2disconf -q parley-comments >/dev/null && apache2ctl graceful || true
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "Versions"
echo "   $(php -r 'include "'"$WP_ROOT"'/wp-includes/version.php"; echo "WordPress $wp_version";'), PHP $(php -r 'echo PHP_VERSION;'), $(apache2ctl -v | head -1 | sed 's/^Server version: //')"
echo "   $(chromium --version 2>/dev/null), $(java -version 2>&1 | head -1)"

step "Parley: the packaged jar on 127.0.0.1:$PARLEY_PORT under /comments, a fresh data folder, behind a proxy"
management=$(free_port)
h2_url="jdbc:h2:file:$work/data/parley;WRITE_DELAY=0;AUTO_SERVER=TRUE"
(
  cd "$work"
  exec env -u PARLEY_DB_URL PARLEY_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$PARLEY_PORT" \
    PARLEY_MANAGEMENT_PORT="$management" PARLEY_BEHIND_PROXY=true PARLEY_PATH_PREFIX=/comments \
    PARLEY_ADMIN_EMAIL=owner@example.org PARLEY_ADMIN_PASSWORD="wordpress recipe check" \
    PARLEY_DB_URL="$h2_url" \
    java -jar "$jar" >"$work/parley.log" 2>&1
) &
parley_pid=$!
pids+=("$parley_pid")
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/ready" && break
  kill -0 "$parley_pid" 2>/dev/null || { cat "$work/parley.log"; fail "Parley stopped during start-up"; }
  sleep 0.3
done
curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/ready" || fail "Parley did not become ready"
ok "Parley is ready"

step "Parley: the WordPress origin registered as a site"
# Plain permalinks (?p=123): the query parameter p makes the page. Loopback WordPress is http only, so http and
# https are not one page here. Both readers below come from 127.0.0.1, so flood control is off for the check.
# With Parley's own classes: its database runs Parley's triggers, Java classes in the app's jar.
h2_jar="$(ls "$(dirname "$jar")"/lib/main/com.h2database.h2-*.jar):$(dirname "$jar")/app/*"
java -cp "$h2_jar" org.h2.tools.Shell -url "$h2_url" -user sa -password "" -sql "
  insert into site (name, origins, kept_query_params, trailing_slash, same_page_any_scheme, created_at)
    values ('WordPress on loopback', '$WP_URL', 'p,page_id', 'KEEP', false, current_timestamp);
  update discussion_settings set flood_seconds = 0;" >/dev/null
# Parley reads its sites again every 10 seconds: wait until it serves the post's thread.
probe="http://127.0.0.1:$PARLEY_PORT/comments/embed/thread?page=$(jq -rn --arg u "$WP_URL/" '$u|@uri')"
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$probe")" = 200 ] && break
  sleep 0.3
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$probe")" = 200 ] || fail "Parley does not serve threads for $WP_URL"
ok "site '$WP_URL' (kept query parameters p, page_id), flood control off"

step "WordPress: the plugin installed, activated and set"
rm -rf "$WP_CONTENT/plugins/parley-comments"
cp -r "$here/parley-comments" "$WP_CONTENT/plugins/parley-comments"
chmod -R u=rwX,go=rX "$WP_CONTENT/plugins/parley-comments"
# What an earlier run kept (threads and counts of another Parley) goes first.
wp_eval "$forget_kept"
wp_eval '$result = activate_plugin("parley-comments/parley-comments.php");
  if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message() . "\n"); exit(1); }
  update_option("parley_comments_address", "http://127.0.0.1:'"$PARLEY_PORT"'");
  update_option("parley_comments_prefix", "/comments");'
post=$(wp_eval '$post = get_posts(array("numberposts" => 1, "post_type" => "post", "orderby" => "ID", "order" => "ASC"))[0];
  echo json_encode(array("id" => $post->ID, "url" => get_permalink($post)));')
post_url=$(jq -r .url <<<"$post")
post_id=$(jq -r .id <<<"$post")
theme=$(wp_eval 'echo get_stylesheet();')
# A page whose comments are closed in WordPress (the installer's Sample Page), if there is one.
closed_url=$(wp_eval '$closed = get_posts(array("numberposts" => 1, "post_type" => "page", "comment_status" => "closed"));
  echo $closed ? get_permalink($closed[0]) : "";')
ok "active and set; the check reads post $post_id at $post_url"

step "Apache: apache-parley.conf enabled for the WordPress site"
# The snippet as the README prints it; only Parley's port changes when PARLEY_PORT is not 8080.
sed "s#127\.0\.0\.1:8080/#127.0.0.1:$PARLEY_PORT/#g" "$here/apache-parley.conf" >/etc/apache2/conf-available/parley-comments.conf
a2enmod -q proxy proxy_http headers >/dev/null
a2enconf -q parley-comments >/dev/null
apache2ctl configtest 2>&1 | grep -v '^Syntax OK$' || true
apache2ctl graceful
for _ in $(seq 1 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$WP_URL/comments/")" = 200 ] && break
  sleep 0.2
done
front=$(curl -s "$WP_URL/comments/")
expect "$front" "Parley" "Parley's front page does not answer at $WP_URL/comments/"
ok "$WP_URL/comments/ is Parley"

# The fields of the form with id $1 in the HTML on stdin, hidden ones with their values, as name<TAB>value lines.
form_fields() {
  python3 -c '
import sys, html.parser
class Form(html.parser.HTMLParser):
    inside = False; action = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == sys.argv[1]:
            self.inside = True; print("action\t" + a.get("action", ""))
        elif tag == "input" and self.inside and a.get("type") == "hidden":
            print(a.get("name", "") + "\t" + a.get("value", ""))
    def handle_endtag(self, tag):
        if tag == "form": self.inside = False
Form().feed(sys.stdin.read())' "$1"
}

step "A reader with curl, in a block theme and in a classic one"
# The thread is where the theme shows comments: after the post and its header, before the footer.
in_theme() {
  expect "$1" "data-parley-thread" "the post does not carry Parley's thread"
  expect "${1%%data-parley-thread*}" "<header" "Parley's thread is not after the theme's header"
  expect "${1%%data-parley-thread*}" "$2" "Parley's thread is not after the post"
  expect "${1#*data-parley-thread}" "<footer" "Parley's thread is not before the theme's footer"
  refuse "$1" "wp-comments-post.php" "WordPress's own comment form is still on the page"
  for php_noise in "Warning:" "Notice:" "Deprecated:" "Fatal error"; do refuse "$1" "$php_noise"; done
}
for each in twentytwentyone twentytwentythree; do
  wp_eval 'switch_theme("'"$each"'");'
  in_theme "$(curl -sf "$post_url")" "entry-content"
  ok "$each: Parley's thread between the post and the theme's footer, no form of WordPress's"
  if [ -n "$closed_url" ]; then
    closed_page=$(curl -sf "$closed_url")
    refuse "$closed_page" "data-parley-thread" "$closed_url has comments closed in WordPress, yet shows a thread"
    refuse "$closed_page" "wp-comments-post.php" "$closed_url shows WordPress's comment form"
    ok "$each: $closed_url, with comments closed in WordPress, shows no thread"
  fi
done
# The rest reads the post in Twenty Twenty-Three, the last one above (WordPress 6.1's own default); the theme
# the site had is back when the check ends.
jar="$work/curl-cookies"
page=$(curl -sf -c "$jar" -b "$jar" "$post_url")
fields=$(form_fields commentform <<<"$page")
action=$(awk -F'\t' '$1 == "action" { print $2 }' <<<"$fields")
expect "$action" "/comments/embed/comments" "the reply form does not post to /comments/embed/comments: $action"
args=()
while IFS=$'\t' read -r name value; do
  [ "$name" = action ] || args+=(--data-urlencode "$name=$value")
done <<<"$fields"
# A mistake first (no email): Parley's own page says so next to the field, keeps the text, and links back.
mistake=$(curl -s -c "$jar" -b "$jar" -H "Origin: ${WP_URL}" "${args[@]}" \
  --data-urlencode "comment=Forgot my email, kept anyway." --data-urlencode "author=Curl Reader" "${WP_URL}${action}")
expect "$mistake" "Forgot my email, kept anyway." "the text typed is not kept after a mistake"
expect "$mistake" "href=\"$post_url" "the page of the mistake has no way back to the post"
ok "a mistake (no email) comes back on Parley's page with the text kept and a link back to the post"
headers=$(curl -s -o /dev/null -D - -c "$jar" -b "$jar" -H "Origin: ${WP_URL}" "${args[@]}" \
  --data-urlencode "comment=Posted with curl through WordPress's own origin." \
  --data-urlencode "author=Curl Reader" --data-urlencode "email=curl@example.org" "${WP_URL}${action}")
location=$(grep -i '^location:' <<<"$headers" | tr -d '\r' | sed 's/^[Ll]ocation: *//')
expect "$(head -1 <<<"$headers")" " 303" "posting did not answer 303: $(head -1 <<<"$headers")"
[[ $location == "$post_url#comment-"* ]] || fail "posting led to $location, not to $post_url#comment-N"
ok "posted: 303 to $location"
comment_id=${location##*#}
again=$(curl -sf -b "$jar" "$post_url")
expect "$again" "id=\"$comment_id\"" "the post does not show $comment_id to its author"
expect "$again" "awaiting moderation" "the author does not see 'awaiting moderation'"
refuse "$(curl -sf "$post_url")" "Posted with curl" "another reader sees the pending comment"
ok "the author sees $comment_id 'awaiting moderation' in the post; a reader without the cookies does not"

step "WordPress's own comment endpoint is closed"
closed=$(curl -s -d "comment_post_ID=$post_id&comment=straight+to+WordPress&author=Wp+Reader&email=wp@example.org" "$WP_URL/wp-comments-post.php")
expect "$closed" "comments are closed" "wp-comments-post.php still takes comments"
ok "wp-comments-post.php: 'Sorry, comments are closed for this item.'"

step "A reader in headless Chromium with JavaScript off"
driver_port=$(free_port)
chromedriver --port="$driver_port" >"$work/chromedriver.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$driver_port/status" && break; sleep 0.2; done
wd() { # method path [json]
  curl -sf -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "http://127.0.0.1:$driver_port$2"
}
session=$(wd POST /session "$(jq -n --arg dir "$work/chromium" '{capabilities: {alwaysMatch: {"goog:chromeOptions": {
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--window-size=1100,1400", ("--user-data-dir=" + $dir)],
  prefs: {"profile.managed_default_content_settings.javascript": 2}}}}}')" | jq -r .value.sessionId)
s="/session/$session"
element() { wd POST "$s/element" "$(jq -n --arg css "$1" '{using: "css selector", value: $css}')" | jq -r '.value | to_entries[0].value'; }
screenshot() { mkdir -p "$repo/target/wordpress-check"; wd GET "$s/screenshot" | jq -r .value | base64 -d >"$repo/target/wordpress-check/$1.png"; }
wd POST "$s/url" '{"url": "data:text/html,<title>off</title><script>document.title=\"on\"</script>"}' >/dev/null
[ "$(wd GET "$s/title" | jq -r .value)" = off ] || fail "JavaScript is on in Chromium"
ok "JavaScript is off (a page's script did not run)"
wd POST "$s/url" "$(jq -n --arg url "$post_url" '{url: $url}')" >/dev/null
element "[data-parley-thread]" >/dev/null || fail "Chromium does not find Parley's thread in the post"
screenshot 1-post
wd POST "$s/element/$(element '#commentform [name=comment]')/value" '{"text": "Posted from Chromium without JavaScript."}' >/dev/null
wd POST "$s/element/$(element '#commentform [name=author]')/value" '{"text": "Chromium Reader"}' >/dev/null
wd POST "$s/element/$(element '#commentform [name=email]')/value" '{"text": "chromium@example.org"}' >/dev/null
wd POST "$s/element/$(element '#commentform [type=submit]:not([formaction])')/click" '{}' >/dev/null
landed=$(wd GET "$s/url" | jq -r .value)
[[ $landed == "$post_url#comment-"* ]] || fail "Chromium landed on $landed, not on $post_url#comment-N"
source=$(wd GET "$s/source" | jq -r .value)
expect "$source" "id=\"${landed##*#}\"" "Chromium does not show ${landed##*#}"
expect "$source" "awaiting moderation" "Chromium does not show 'awaiting moderation'"
expect "$source" "Posted from Chromium without JavaScript." "Chromium does not show the comment's text"
screenshot 2-after-posting
ok "posted, back at $landed, the comment shows 'awaiting moderation' (screenshots in target/wordpress-check/)"
wd DELETE "$s" >/dev/null || true

step "A moderator approves both comments"
# As the queue's Approve would, straight in the database (the check needs no moderator's session).
sql() { java -cp "$h2_jar" org.h2.tools.Shell -url "$h2_url" -user sa -password "" -sql "$1" >/dev/null; }
sql "update comment set status = 'APPROVED' where id in (${comment_id#comment-}, ${landed##*#comment-})"
# The feed lists posts with their counts, and this is the run's first count: nothing kept stands in the way.
# WordPress's own count of the post is its sample comment, 1; Parley's is 2.
feed=$(curl -sf "$WP_URL/?feed=rss2")
expect "$feed" "<slash:comments>2</slash:comments>" "the feed does not give Parley's count of the post"
ok "the feed counts the post's comments as Parley does (GET /embed/counts): 2"
# WordPress keeps the anonymous thread as long as Parley's s-maxage (10 s) allows, then revalidates it.
started=$(date +%s)
until grep -qF "Posted with curl" <<<"$(curl -sf "$post_url")"; do
  [ $(($(date +%s) - started)) -le 15 ] || fail "a reader without cookies does not see the approved comment after 15 s"
  sleep 0.5
done
ok "a reader without cookies sees the approved comment after $(($(date +%s) - started)) s (Parley's bound: 10 s)"

step "Parley stopped: the post still works"
kill "$parley_pid"
wait "$parley_pid" 2>/dev/null || true
# With the author's cookies: their thread is never kept by WordPress, so this asks the stopped Parley.
down=$(curl -s -b "$jar" -w '\n%{http_code}' "$post_url")
[ "$(tail -1 <<<"$down")" = 200 ] || fail "the post answered $(tail -1 <<<"$down") without Parley"
expect "$down" "Comments are unavailable right now." "no readable note where the thread was"
for php_noise in "Warning:" "Notice:" "Fatal error"; do refuse "$down" "$php_noise"; done
ok "HTTP 200, 'Comments are unavailable right now.', no PHP warning"

printf '\nThe WordPress recipe works.\n'
