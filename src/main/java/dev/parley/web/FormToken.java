package dev.parley.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token for the {@code postform} tag. Normally quarkus-rest-csrf's; on pages rendered after a
 * request was stopped before its filter ran (a 403 or 404 page, which still shows the "Log out" form),
 * the browser's existing CSRF cookie, which is the token itself since tokens are not signed.
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    @Inject
    @Named("csrf")
    CsrfTokenParameterProvider csrf;

    @Inject
    RoutingContext routing;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    public String getParameterName() {
        return csrf.getParameterName();
    }

    public String getToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException filterDidNotRun) {
            Cookie cookie = routing.request().getCookie(cookieName);
            return cookie == null ? "" : cookie.getValue();
        }
    }
}
