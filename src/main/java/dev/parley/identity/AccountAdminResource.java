package dev.parley.identity;

import dev.parley.mail.MailHeaders;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The owner's list of accounts, where moderators are added and removed. */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountAdminResource {

    @CheckedTemplate(basePath = "identity")
    static class Templates {
        static native TemplateInstance accounts(
                List<AccountService.AccountView> accounts,
                List<AccountService.ReaderView> readers,
                FormState form,
                FormState inviteForm,
                List<String> mailMissing,
                String done);

        static native TemplateInstance removeAccount(AccountService.AccountView account);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "added", "Moderator added. Give them their password in person or over a channel you trust.",
            "invited", "Invitation sent. The link in it works once, for 7 days.",
            "reinvited", "A new invitation was sent. The link in the earlier one no longer works.",
            "removed", "Moderator removed and signed out.",
            "role", "Role changed. It applies at their next page.");

    @Inject
    AccountService accounts;

    @Inject
    FormValidation validation;

    @Inject
    StaffInvitations invitations;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance list(@RestQuery String done) {
        return page(FormState.empty(), FormState.empty(), done == null ? null : NOTICES.get(done));
    }

    private TemplateInstance page(FormState form, FormState inviteForm, String done) {
        return Templates.accounts(
                accounts.list(), accounts.readers(), form, inviteForm, invitations.missingMailSettings(), done);
    }

    /** Invites a moderator by mail: they choose their own password through the link. */
    @POST
    @Path("invite")
    @RolesAllowed(Roles.OWNER)
    public Response invite(InviteForm form) {
        Map<String, String> errors = validation.errorsOf(form);
        if (!errors.containsKey("inviteEmail") && !MailHeaders.isHeaderSafe(form.inviteEmail)) {
            errors.put("inviteEmail", "An email address cannot contain line breaks or control characters.");
        }
        if (!errors.containsKey("inviteEmail") && accounts.emailTaken(form.inviteEmail)) {
            errors.put("inviteEmail", "An account with this email address exists already.");
        }
        if (!invitations.missingMailSettings().isEmpty()) {
            errors.put(
                    FormState.GLOBAL, "Invitations need mail, which is not set up. Add the moderator with a password.");
        }
        if (!errors.isEmpty()) {
            FormState typed = FormState.of(form.redisplayed()).withErrors(errors);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(FormState.empty(), typed, null))
                    .build();
        }
        invitations.invite(form.inviteEmail, form.inviteName);
        return Response.seeOther(URI.create(Routes.withNotice(Routes.accounts(), "invited")))
                .build();
    }

    @POST
    @Path("{id}/invitation")
    @RolesAllowed(Roles.OWNER)
    public Response sendInvitationAgain(@RestPath long id) {
        if (!invitations.sendAgain(id)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.accounts(), "reinvited")))
                .build();
    }

    @POST
    @RolesAllowed(Roles.OWNER)
    public Response addModerator(NewAccountForm form) {
        Map<String, String> errors = validation.errorsOf(form);
        if (!errors.containsKey("email") && accounts.emailTaken(form.email)) {
            errors.put("email", "An account with this email address exists already.");
        }
        if (!errors.isEmpty()) {
            FormState typed = FormState.of(form.redisplayed()).withErrors(errors);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(typed, FormState.empty(), null))
                    .build();
        }
        accounts.create(form.email, form.name, form.password, AccountRole.MODERATOR);
        return Response.seeOther(URI.create(Routes.withNotice(Routes.accounts(), "added")))
                .build();
    }

    /** Grants moderator or owner to someone who signed in with a login provider, or takes it back. */
    @POST
    @Path("readers/{id}/role")
    @RolesAllowed(Roles.OWNER)
    public Response changeReaderRole(@RestPath long id, @RestForm String role) {
        AccountRole granted =
                "MODERATOR".equals(role) ? AccountRole.MODERATOR : "OWNER".equals(role) ? AccountRole.OWNER : null;
        if (!accounts.grantReaderRole(id, granted)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.accounts(), "role")))
                .build();
    }

    @POST
    @Path("{id}/remove")
    @RolesAllowed(Roles.OWNER)
    public Response removeModerator(@RestPath long id, @RestForm String confirmed) {
        if (!"yes".equals(confirmed)) {
            // A removed account cannot be brought back (only added anew, with a new password): ask first. The
            // page's script asks in a dialog and sends "confirmed"; without it, this page asks.
            return Response.ok(Templates.removeAccount(accounts.moderator(id).orElseThrow(NotFoundException::new)))
                    .build();
        }
        if (!accounts.removeModerator(id)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.accounts(), "removed")))
                .build();
    }
}
