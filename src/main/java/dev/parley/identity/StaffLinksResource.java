package dev.parley.identity;

import dev.parley.mail.MailHeaders;
import dev.parley.mail.MailTokens;
import dev.parley.web.Cookies;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import dev.parley.web.NoStore;
import dev.parley.web.Routes;
import dev.parley.web.TokenInAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The pages staff reach from a mail: the invitation (choose a password and join), "Forgot password?" and the
 * reset link. A GET only shows a page (mail scanners follow links); the form's POST acts. The token is in the
 * address, so these pages are never cached and send no Referer.
 */
@Path("/")
@NoStore
@Produces(MediaType.TEXT_HTML)
public class StaffLinksResource {

    static final String ANSWER =
            "If an account exists for that address, we've sent a link to reset its password." + " It works for 1 hour.";
    static final String HEADER_UNSAFE = "An email address cannot contain line breaks or control characters.";
    static final String BUSY = "Parley is busy checking passwords. Please try again in a minute.";

    @CheckedTemplate(basePath = "identity")
    static class Templates {
        static native TemplateInstance invitation(StaffInvitations.Invitee invitee, String token, FormState form);

        static native TemplateInstance forgotPassword(boolean available, FormState form, String answer);

        static native TemplateInstance resetPassword(String token, FormState form);

        static native TemplateInstance linkRefused(String sentence, boolean invitation);
    }

    @Inject
    StaffInvitations invitations;

    @Inject
    PasswordResets resets;

    @Inject
    FormValidation validation;

    @GET
    @TokenInAddress
    @Path("invitation/{token}")
    @PermitAll
    public Response invitation(@RestPath String token) {
        StaffInvitations.Result<StaffInvitations.Invitee> found = invitations.look(token);
        if (found.refusal() != null) {
            return refused(found.refusal(), true);
        }
        return page(Response.ok(Templates.invitation(found.value(), token, FormState.empty())));
    }

    @POST
    @TokenInAddress
    @Path("invitation/{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response join(@RestPath String token, NewPasswordForm form, @Context UriInfo uri) {
        Map<String, String> errors = errorsOf(form);
        if (errors.isEmpty()) {
            try {
                StaffInvitations.Result<String> joined = invitations.accept(token, form.newPassword);
                if (joined.refusal() != null) {
                    return refused(joined.refusal(), true);
                }
                return signedIn(joined.value(), uri);
            } catch (PasswordHasher.Busy busy) {
                errors.put(FormState.GLOBAL, BUSY);
            }
        }
        StaffInvitations.Result<StaffInvitations.Invitee> found = invitations.look(token);
        if (found.refusal() != null) {
            return refused(found.refusal(), true);
        }
        return page(Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.invitation(
                        found.value(), token, FormState.empty().withErrors(errors))));
    }

    @GET
    @Path("password/forgot")
    @PermitAll
    public Response forgotPassword() {
        return page(Response.ok(Templates.forgotPassword(resets.available(), FormState.empty(), null)));
    }

    @POST
    @Path("password/forgot")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForReset(ForgotPasswordForm form, @Context HttpServerRequest request) {
        if (!resets.available()) {
            return page(Response.ok(Templates.forgotPassword(false, FormState.empty(), null)));
        }
        FormState typed = FormState.of(Map.of("email", form.email == null ? "" : form.email));
        Map<String, String> errors = validation.errorsOf(form);
        if (form.email != null && !MailHeaders.isHeaderSafe(form.email)) {
            errors.put("email", HEADER_UNSAFE);
        }
        if (!errors.isEmpty()) {
            return page(Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.forgotPassword(true, typed.withErrors(errors), null)));
        }
        String ip =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (resets.request(form.email, ip) == PasswordResets.Answer.TOO_MANY_FROM_HERE) {
            // Counted for every request from this IP address, whatever the address typed: it tells nothing
            // about accounts, and tells a person behind a shared address why no mail comes.
            return page(Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header("Retry-After", PasswordResets.WINDOW.toSeconds())
                    .entity(Templates.forgotPassword(
                            true,
                            typed.withError(
                                    FormState.GLOBAL,
                                    "Too many requests from your network address. Please try again in an hour."),
                            null)));
        }
        return page(Response.ok(Templates.forgotPassword(true, FormState.empty(), ANSWER)));
    }

    @GET
    @TokenInAddress
    @Path("password/reset/{token}")
    @PermitAll
    public Response resetPassword(@RestPath String token) {
        return resets.refusalOf(token)
                .map(why -> refused(why, false))
                .orElseGet(() -> page(Response.ok(Templates.resetPassword(token, FormState.empty()))));
    }

    @POST
    @TokenInAddress
    @Path("password/reset/{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setNewPassword(@RestPath String token, NewPasswordForm form, @Context UriInfo uri) {
        Map<String, String> errors = errorsOf(form);
        if (errors.isEmpty()) {
            try {
                StaffInvitations.Result<String> reset = resets.reset(token, form.newPassword);
                if (reset.refusal() != null) {
                    return refused(reset.refusal(), false);
                }
                return signedIn(reset.value(), uri);
            } catch (PasswordHasher.Busy busy) {
                errors.put(FormState.GLOBAL, BUSY);
            }
        }
        return resets.refusalOf(token)
                .map(why -> refused(why, false))
                .orElseGet(() -> page(Response.status(Response.Status.BAD_REQUEST)
                        .entity(Templates.resetPassword(token, FormState.empty().withErrors(errors)))));
    }

    private Map<String, String> errorsOf(NewPasswordForm form) {
        Map<String, String> errors = validation.errorsOf(form);
        if (!errors.containsKey("newPassword") && !form.typedTwiceAlike()) {
            errors.put("newPasswordAgain", NewPasswordForm.DIFFERENT);
        }
        return errors;
    }

    private Response signedIn(String sessionToken, UriInfo uri) {
        return page(Response.seeOther(URI.create(Routes.moderation()))
                .cookie(SessionCookies.issue(sessionToken, Cookies.secure(uri))));
    }

    private Response refused(MailTokens.Refusal why, boolean invitation) {
        int status = why == MailTokens.Refusal.UNKNOWN ? 404 : 410;
        return page(Response.status(status).entity(Templates.linkRefused(why.sentence(), invitation)));
    }

    private Response page(Response.ResponseBuilder builder) {
        return builder.build();
    }
}
