vcl 4.1;

# Varnish: your site, with Parley's thread in its pages (Edge Side Includes). Parley runs with
# PARLEY_PATH_PREFIX=/comments at 127.0.0.1:8080, your web server at 127.0.0.1:8081.

# Your web server: its pages carry <esi:include src="/comments/embed/thread?page=..."/>.
backend default {
    .host = "127.0.0.1";
    .port = "8081";
}

backend parley {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_recv {
    if (req.url ~ "^/comments/") {
        set req.backend_hint = parley;
        # Keep Parley's own cookies only (parley_*, and q_* while a sign-in is under way). Each <esi:include>
        # gets the cookies the browser sent with the page, so a reader who has them is passed to Parley
        # and sees their own thread (their pending comment, signed in); everyone else shares one copy.
        if (req.http.Cookie) {
            set req.http.Cookie = ";" + regsuball(req.http.Cookie, "; *", ";");
            set req.http.Cookie = regsuball(req.http.Cookie, ";(parley_[^;=]*|q_[^;=]*)=", "; \1=");
            set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
            set req.http.Cookie = regsub(req.http.Cookie, "^[; ]+", "");
            if (req.http.Cookie == "") {
                unset req.http.Cookie;
            }
        }
        if (req.http.Cookie || req.http.Authorization || (req.method != "GET" && req.method != "HEAD")) {
            return (pass);
        }
        return (hash);
    }
    # Parley's cookies mean nothing to your pages: without them, your pages stay cacheable.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|; *)(parley_|q_)[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^; *", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
}

sub vcl_backend_response {
    if (bereq.url ~ "^/comments/") {
        # Only what Parley marks shareable is cached: the anonymous thread (public, s-maxage=10).
        if (beresp.http.Cache-Control !~ "public") {
            set beresp.uncacheable = true;
            return (deliver);
        }
        # No grace: an approved comment shows within s-maxage, never later. Keep: after that, Varnish asks
        # Parley with the ETag, and an unchanged thread costs Parley a 304.
        set beresp.grace = 0s;
        set beresp.keep = 1h;
        return (deliver);
    }
    if (beresp.http.Content-Type ~ "^text/html") {
        set beresp.do_esi = true;
        # The page as the browser gets it includes the thread: no validator of the file alone may answer 304.
        unset beresp.http.ETag;
        unset beresp.http.Last-Modified;
    }
}

sub vcl_deliver {
    if (req.esi_level == 0 && req.url !~ "^/comments/" && resp.http.Content-Type ~ "^text/html") {
        # Browsers ask Varnish again each time; Varnish answers from its cache.
        set resp.http.Cache-Control = "no-cache";
    }
}
