package dev.parley.provider;

import dev.parley.web.Routes;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the code flow fails at the callback (a wrong client secret, a replayed or tampered answer, a provider
 * that cannot be reached), Quarkus ends the request with a bare 401 before any page of ours runs. This turns
 * that answer into a redirect to a page that explains it and leads back to the article, draft intact.
 */
@ApplicationScoped
class SignInFailures {

    private static final Pattern CALLBACK = Pattern.compile("^/auth/(\\d{1,18})/(callback|login)$");

    void explainFailedCallbacks(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            Matcher callback = CALLBACK.matcher(context.normalizedPath());
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
                    }
                });
            }
            context.next();
        });
    }
}
