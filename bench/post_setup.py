"""Set-up step of bench/post-bench.sh, as the site owner and a reader would do it in a browser.

Signs the owner in through /login, switches the flood timer and the bot timer off through Settings ›
Discussion (the whole form sent back as the page shows it, with only those two fields changed, so that every
other setting stays as it was), then opens the article page as a new guest and prints the reply form's action,
CSRF token (the cookie's value) and hidden fields as shell assignments.

Usage: python3 post_setup.py BASE_URL OWNER_EMAIL OWNER_PASSWORD ARTICLE_SLUG
Standard library only.
"""

import base64
import binascii
import http.cookiejar
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class Forms(HTMLParser):
    """The forms of a page: their action and the values a browser would send (submit buttons left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action", ""), "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form["fields"].append([a["name"], a.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
            self._form["fields"].append(self._textarea)
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], None]
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            if self._select[1] is None or "selected" in a:
                self._select[1] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def unmasked(field):
    """The token a form field carries: pages carry it XORed with a pad of their own, after '~' (web/FormToken)."""
    if not field.startswith("~"):
        return field
    try:
        both = base64.urlsafe_b64decode(field[1:] + "=" * (-len(field[1:]) % 4))
    except (binascii.Error, ValueError):
        return None
    half = len(both) // 2
    return bytes(a ^ b for a, b in zip(both[:half], both[half:])).decode("ascii", "replace")

def fail(message):
    print("post-bench set-up: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    base, email, password, slug = sys.argv[1:5]
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def get(path):
        with browser.open(base + path, timeout=60) as answer:
            return answer.read().decode("utf-8")

    def post(path, fields):
        items = fields.items() if isinstance(fields, dict) else fields
        data = urllib.parse.urlencode([(k, v or "") for k, v in items]).encode("ascii")
        try:
            with browser.open(base + path, data=data, timeout=60) as answer:
                return answer.status, answer.headers.get("Location", "")
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers.get("Location", "")

    def form_of(html, action):
        parser = Forms()
        parser.feed(html)
        for form in parser.forms:
            if urllib.parse.urlparse(form["action"]).path == action:
                return form["fields"]
        fail("no form posting to " + action)

    # The owner signs in.
    fields = dict(form_of(get("/login"), "/login"))
    fields.update(email=email, password=password, next="/admin/settings")
    status, location = post("/login", fields)
    if status != 303:
        fail("signing the owner in answered %d" % status)

    # Settings › Discussion: flood interval and minimum form time 0 (off), everything else as it is.
    fields = form_of(get("/admin/settings"), "/admin/settings")
    changed = [[k, "0" if k in ("floodSeconds", "minFormSeconds") else v] for k, v in fields]
    if sorted(k for k, _ in changed if k in ("floodSeconds", "minFormSeconds")) != ["floodSeconds", "minFormSeconds"]:
        fail("Settings › Discussion has no floodSeconds/minFormSeconds fields")
    status, location = post("/admin/settings", changed)
    if status != 303:
        fail("saving Settings › Discussion answered %d" % status)
    saved = dict(form_of(get("/admin/settings"), "/admin/settings"))
    if saved.get("floodSeconds") != "0" or saved.get("minFormSeconds") != "0":
        fail("the timers are still on after saving: %r" % saved)

    # A new guest opens the article page: its CSRF cookie and the reply form.
    jar.clear()
    action = "/articles/%s/comments" % slug
    reply = dict(form_of(get("/articles/" + slug), action))
    csrf = next((c.value for c in jar if c.name == "parley_csrf"), None)
    if not csrf or unmasked(reply.get("_csrf", "")) != csrf:
        fail("the article page set no CSRF cookie matching its form")
    for name, value in (
        ("POST_PATH", action),
        ("POST_CSRF", csrf),
        ("POST_CSRF_FIELD", reply.get("_csrf", "")),
        ("POST_SHOWN", reply.get("parley_shown", "")),
        ("POST_PARENT", reply.get("comment_parent", "")),
    ):
        print("%s='%s'" % (name, value.replace("'", "")))


if __name__ == "__main__":
    main()
