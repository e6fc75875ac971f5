package dev.parley.alerts;

import dev.parley.web.NoStore;
import dev.parley.web.Routes;
import dev.parley.web.TokenInAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The page a mail's Approve, Spam or Trash link opens: no sign-in, the comment and one button. The GET only
 * shows; the button's POST decides. The token in the address must not leak to other sites: no referrer.
 */
@Path(Routes.MAIL_DECISION + "/{token}")
@Produces(MediaType.TEXT_HTML)
@TokenInAddress
public class MailDecisionResource {

    @CheckedTemplate(basePath = "alerts")
    static class Templates {
        static native TemplateInstance decision(MailDecisions.Answer answer, String token);
    }

    @Inject
    MailDecisions decisions;

    @GET
    @PermitAll
    @NoStore
    public Response page(@RestPath String token) {
        return answer(decisions.look(token), token);
    }

    @POST
    @PermitAll
    @NoStore
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@RestPath String token, @RestForm String comment, @RestForm String version) {
        return answer(decisions.decide(token, comment, version), token);
    }

    private static Response answer(MailDecisions.Answer answer, String token) {
        return Response.status(answer.status())
                .entity(Templates.decision(answer, answer.action() == null ? null : token))
                .build();
    }
}
