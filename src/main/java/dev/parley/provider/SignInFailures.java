package dev.parley.provider;

import dev.parley.web.PathPrefix;
import dev.parley.web.PrefixRouting;
import dev.parley.web.Routes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the code flow fails at the callback (a wrong client secret, a replayed or tampered answer, a provider
 * that cannot be reached), Quarkus ends the request with a bare 401 before any page of ours runs. This turns
 * that answer into a redirect to a page that explains it and leads back to the article, draft intact.
 */
@ApplicationScoped
class SignInFailures {

    /** Where a sign-in started, and where Quarkus returns after the callback: the path inside Parley. */
    private static final Pattern RESTORED = Pattern.compile("^/auth/\\d{1,18}/login$");

    private static final Pattern CALLBACK = Pattern.compile("^/auth/(\\d{1,18})/(callback|login)$");

    void explainFailedCallbacks(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            Matcher callback = CALLBACK.matcher(PrefixRouting.pathInside(context));
            if (callback.matches()) {
                // At "login" a 401 means the provider's tenant could not be set up: its discovery document was
                // out of reach. At "callback" it means the answer could not be turned into a sign-in (a refused
                // code exchange, or an answer without this browser's state).
                String code = callback.group(2).equals("login")
                        ? SignInProblem.UNREACHABLE_CODE
                        : SignInProblem.CALLBACK_FAILED_CODE;
                String failedPage = Routes.signIn(Long.parseLong(callback.group(1)), "failed") + "?error=" + code;
                context.addHeadersEndHandler(ignored -> {
                    if (context.response().getStatusCode() == 401) {
                        context.response().setStatusCode(303).putHeader("Location", failedPage);
                    } else {
                        underPrefix(context);
                    }
                });
            }
            context.next();
        });
    }

    /**
     * After the provider's answer, Quarkus sends the browser back to where the sign-in started, an address it
     * builds from the request path it saw: the path inside Parley, without the path prefix Parley may run under
     * (web/PrefixRouting). The callback, error and cookie paths of the tenant carry the prefix already.
     */
    private static void underPrefix(RoutingContext context) {
        PathPrefix prefix = PathPrefix.current();
        String location = context.response().headers().get("Location");
        if (prefix.isRoot() || location == null) {
            return;
        }
        try {
            URI target = URI.create(location);
            URI own = URI.create(context.request().absoluteURI());
            if (target.getRawPath() != null
                    && RESTORED.matcher(target.getRawPath()).matches()
                    && own.getRawAuthority() != null
                    && own.getRawAuthority().equalsIgnoreCase(target.getRawAuthority())) {
                String fixed = target.getScheme() + "://" + target.getRawAuthority()
                        + prefix.link(target.getRawPath())
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                context.response().putHeader("Location", fixed);
            }
        } catch (IllegalArgumentException notAnAddress) {
            // Quarkus wrote it; leave anything unexpected as it is.
        }
    }
}
