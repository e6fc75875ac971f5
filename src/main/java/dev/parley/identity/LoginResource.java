package dev.parley.identity;

import dev.parley.web.Cookies;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import dev.parley.web.NoStore;
import dev.parley.web.Routes;
import dev.parley.web.SafeRedirect;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Sign-in and sign-out of local accounts. */
@Path("/")
@NoStore
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @Inject
    dev.parley.web.HostPages hostPages;

    /** The session of the script tag's reader, which embed.js adds to the "Log Out" and "Change" form. */
    static final String SCRIPT_READER_FIELD = "parley_reader";

    static final String WRONG_CREDENTIALS = "The email address or the password is not right.";
    static final String BUSY = "Parley is checking many sign-ins right now. Please try again in a minute.";

    @CheckedTemplate(basePath = "identity")
    static class Templates {
        static native TemplateInstance login(FormState form);
    }

    @Inject
    AccountService accounts;

    @Inject
    OwnerSetup setup;

    @Inject
    FormValidation validation;

    @GET
    @Path("login")
    @PermitAll
    public Response loginPage(@RestQuery String next) {
        if (setup.setupOpen()) {
            return Response.seeOther(URI.create(Routes.setup())).build();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("next", SafeRedirect.localPathOr(next, ""));
        return Response.ok(Templates.login(FormState.of(values))).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(SignInForm form, @Context UriInfo uri) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", form.email);
        values.put("next", SafeRedirect.localPathOr(form.next, ""));
        FormState typed = FormState.of(values);
        Map<String, String> errors = validation.errorsOf(form);
        if (!errors.isEmpty()) {
            return again(Response.Status.BAD_REQUEST, typed.withErrors(errors));
        }
        SignInResult result;
        try {
            result = accounts.signIn(form.email, form.password);
        } catch (PasswordHasher.Busy busy) {
            return again(Response.Status.SERVICE_UNAVAILABLE, typed.withError(FormState.GLOBAL, BUSY));
        }
        if (result instanceof SignInResult.SignedInWith signedIn) {
            String destination = SafeRedirect.localPathOr(form.next, Routes.moderation());
            return Response.seeOther(URI.create(destination))
                    .cookie(SessionCookies.issue(signedIn.sessionToken(), Cookies.secure(uri)))
                    .build();
        }
        if (result instanceof SignInResult.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            String message =
                    "Too many failed attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
            return again(Response.Status.TOO_MANY_REQUESTS, typed.withError(FormState.GLOBAL, message));
        }
        return again(Response.Status.BAD_REQUEST, typed.withError(FormState.GLOBAL, WRONG_CREDENTIALS));
    }

    /** Signing out ends the session in the database, not just in this browser. */
    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(
            @CookieParam(SessionService.COOKIE) String token,
            @RestForm String next,
            @RestForm(SCRIPT_READER_FIELD) String scriptReader,
            @RestQuery("keep-provider") boolean keepProvider,
            @Context UriInfo uri) {
        // The script tag's reader has no cookie here: embed.js sends the session it kept in the host page.
        Optional<String> fromScript = accounts.signOut(scriptReader);
        Optional<String> providerLogout = accounts.signOut(token).or(() -> fromScript);
        // From the thread inside another site's page, "Log out" goes back to that page.
        String back = SafeRedirect.localOrHostPage(next, Routes.home(), hostPages);
        URI destination = URI.create(back);
        if (providerLogout.isPresent() && !keepProvider) {
            // "Log Out" also ends the session at the provider, which then sends the reader back here.
            String returnTo =
                    uri.getBaseUri().resolve(back.replaceFirst("#.*$", "")).toString();
            destination = URI.create(providerLogout.get() + "&post_logout_redirect_uri="
                    + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
        }
        return Response.seeOther(destination)
                .cookie(SessionCookies.expire(Cookies.secure(uri)))
                .build();
    }

    private static Response again(Response.Status status, FormState form) {
        return Response.status(status).entity(Templates.login(form)).build();
    }
}
