package dev.parley.mailadmin;

import dev.parley.identity.Roles;
import dev.parley.identity.Viewer;
import dev.parley.mail.MailSetup;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Admin › Mail: the set-up, "Send a test mail" and the mail log. Owner only. */
@Path(Routes.MAIL_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class MailAdminResource {

    @CheckedTemplate(basePath = "mailadmin")
    static class Templates {
        static native TemplateInstance mail(
                MailSetup.Summary setup, FormState form, String notice, MailAdminService.LogPage log);
    }

    @Inject
    MailSetup setup;

    @Inject
    MailAdminService mail;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance show(@RestQuery String done, @RestQuery String to, @RestQuery Integer page) {
        return Templates.mail(setup.summary(), FormState.empty(), notice(done, to), mail.log(page == null ? 1 : page));
    }

    @POST
    @Path("test")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendTestMail(TestMailForm form) {
        Map<String, String> errors = form.errors();
        if (errors.isEmpty() && !setup.summary().configured()) {
            errors.put(
                    FormState.GLOBAL,
                    "Mail is not set up, so no test mail can be sent. Set the variables named above.");
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.mail(
                            setup.summary(), FormState.of(form.typed()).withErrors(errors), null, mail.log(1)))
                    .build();
        }
        String to = form.to.strip();
        boolean queued = mail.sendTestMail(to, viewer.getName());
        String link = Routes.withNotice(Routes.mailAdmin(), queued ? "queued" : "limited") + "&to="
                + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(link)).build();
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.OWNER)
    public Response retry(@RestPath long id) {
        String done = mail.retryNow(id) ? "retrying" : "not-retried";
        return Response.seeOther(URI.create(Routes.withNotice(Routes.mailAdmin(), done)))
                .build();
    }

    private static String notice(String done, String to) {
        if (done == null) {
            return null;
        }
        String address = to == null ? "" : to;
        return switch (done) {
            case "queued" ->
                "Test mail queued to " + address + "; it appears in the log below as sent or failed within seconds.";
            case "limited" ->
                "The test mail to " + address
                        + " was not queued: this address already had as many mails this hour as Parley sends to one"
                        + " address. The log below shows it as failed, with the reason.";
            case "retrying" -> "The mail is queued again and is being sent now; the log shows the outcome.";
            case "not-retried" -> "That mail is being sent right now, or was sent already: nothing to try again.";
            default -> null;
        };
    }
}
