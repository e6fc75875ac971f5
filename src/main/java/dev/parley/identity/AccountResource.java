package dev.parley.identity;

import dev.parley.mail.MailSettings;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * "Your account": staff with a local account change the name others see and their password. Staff who sign in
 * with a login provider manage both there; the page says so. Every staff member chooses here which mail they get
 * about comments that wait for a moderator.
 */
@Path(Routes.ACCOUNT)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountResource {

    @CheckedTemplate(basePath = "identity")
    static class Templates {
        static native TemplateInstance account(
                OwnAccount.View account,
                FormState nameForm,
                FormState passwordForm,
                Alerts alerts,
                FormState alertsForm,
                String done);
    }

    /**
     * The "Mail about comments" section: the choices, and whether mail is set up at all.
     *
     * @param mailReady whether this site sends mail (without it, the section says no alerts are sent)
     */
    public record Alerts(List<MailAlerts> choices, boolean mailReady, String address) {}

    static final String CHOOSE_ALERTS = "Choose how Parley tells you about comments that wait for you.";

    private static final Map<String, String> NOTICES = Map.of(
            "name", "Name changed. Your next replies and actions show it.",
            "password", "Password changed. Every other browser signed in to this account was signed out.",
            "alerts", "Mail choice saved.");

    @Inject
    OwnAccount own;

    @Inject
    Viewer viewer;

    @Inject
    FormValidation validation;

    @Inject
    StaffAlerts staffAlerts;

    @Inject
    MailSettings mail;

    @GET
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance page(@RestQuery String done) {
        return Templates.account(
                current(),
                nameFormOf(viewer.getName()),
                FormState.empty(),
                alerts(),
                alertsFormOf(currentChoice()),
                done == null ? null : NOTICES.get(done));
    }

    @POST
    @Path("alerts")
    @RolesAllowed(Roles.MODERATOR)
    public Response chooseAlerts(@RestForm String alerts) {
        Optional<MailAlerts> choice = MailAlerts.parse(alerts);
        Long accountId = viewer.getAccountId();
        Long identityId = viewer.reader().map(SignedIn::identityId).orElse(null);
        if (choice.isEmpty()) {
            OwnAccount.View account = current();
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(
                            account,
                            nameFormOf(account == null ? viewer.getName() : account.displayName()),
                            FormState.empty(),
                            alerts(),
                            FormState.of(Map.of("alerts", alerts == null ? "" : alerts))
                                    .withError("alerts", CHOOSE_ALERTS),
                            null))
                    .build();
        }
        staffAlerts.choose(accountId, identityId, choice.get(), viewer.actor());
        return Response.seeOther(URI.create(Routes.withNotice(Routes.account(), "alerts")))
                .build();
    }

    @POST
    @Path("name")
    @RolesAllowed(Roles.MODERATOR)
    public Response rename(DisplayNameForm form) {
        OwnAccount.View account = current();
        if (account == null) {
            return notLocal();
        }
        Map<String, String> errors = validation.errorsOf(form);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(
                            account,
                            nameFormOf(form.name).withErrors(errors),
                            FormState.empty(),
                            alerts(),
                            alertsFormOf(currentChoice()),
                            null))
                    .build();
        }
        own.rename(account.id(), form.name, viewer.actor());
        return Response.seeOther(URI.create(Routes.withNotice(Routes.account(), "name")))
                .build();
    }

    @POST
    @Path("password")
    @RolesAllowed(Roles.MODERATOR)
    public Response changePassword(PasswordChangeForm form, @CookieParam(SessionService.COOKIE) String sessionToken) {
        OwnAccount.View account = current();
        if (account == null) {
            return notLocal();
        }
        Map<String, String> errors = validation.errorsOf(form);
        if (!errors.containsKey("newPassword") && !form.typedTwiceAlike()) {
            errors.put("newPasswordAgain", PasswordChangeForm.DIFFERENT);
        }
        if (errors.isEmpty()) {
            OwnAccount.PasswordChange change;
            try {
                change = own.changePassword(
                        account.id(), form.currentPassword, form.newPassword, sessionToken, viewer.actor());
            } catch (PasswordHasher.Busy busy) {
                change = null;
                errors.put(FormState.GLOBAL, "Parley is busy checking passwords. Please try again in a minute.");
            }
            if (change instanceof OwnAccount.PasswordChange.Changed) {
                return Response.seeOther(URI.create(Routes.withNotice(Routes.account(), "password")))
                        .build();
            }
            if (change instanceof OwnAccount.PasswordChange.WrongPassword) {
                errors.put("currentPassword", OwnAccount.WRONG_PASSWORD);
            }
            if (change instanceof OwnAccount.PasswordChange.Throttled throttled) {
                errors.put(
                        "currentPassword",
                        "Too many wrong passwords in a row. Try again in "
                                + Math.max(1, throttled.retryAfter().toSeconds()) + " seconds.");
            }
        }
        // Passwords are never sent back to the browser.
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.account(
                        account,
                        nameFormOf(account.displayName()),
                        FormState.empty().withErrors(errors),
                        alerts(),
                        alertsFormOf(currentChoice()),
                        null))
                .build();
    }

    /** The signed-in local account, or {@code null} for staff who signed in with a login provider. */
    private OwnAccount.View current() {
        Long id = viewer.getAccountId();
        return id == null ? null : own.view(id).orElse(null);
    }

    private Response notLocal() {
        return Response.status(Response.Status.CONFLICT)
                .entity(Templates.account(
                        null, FormState.empty(), FormState.empty(), alerts(), alertsFormOf(currentChoice()), null))
                .build();
    }

    private Alerts alerts() {
        return new Alerts(List.of(MailAlerts.values()), mail.configured(), viewer.getEmail());
    }

    /** The signed-in staff member's choice (local account or provider sign-in with a role). */
    private MailAlerts currentChoice() {
        return staffAlerts
                .choiceOf(
                        viewer.getAccountId(),
                        viewer.reader().map(SignedIn::identityId).orElse(null))
                .orElse(MailAlerts.EACH);
    }

    private static FormState alertsFormOf(MailAlerts choice) {
        return FormState.of(Map.of("alerts", choice.value()));
    }

    private static FormState nameFormOf(String name) {
        return FormState.of(Map.of("name", name == null ? "" : name));
    }
}
