package dev.parley.moderation;

import dev.parley.identity.Viewer;
import dev.parley.web.Constraints;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import dev.parley.web.Tokens;
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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** "Report" under each comment: readers tell moderators about a comment, with a reason. */
@Path("/articles/{slug}/comments/{id}/report")
@Produces(MediaType.TEXT_HTML)
public class ReportResource {

    static final int MAX_DETAILS = 400;

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance report(Reports.ReportTarget target, FormState form, String thanks);
    }

    @Inject
    Reports reports;

    @Inject
    Viewer viewer;

    @GET
    @PermitAll
    public Response form(@RestPath String slug, @RestPath long id, @RestQuery String done) {
        Optional<Reports.ReportTarget> target = reports.target(slug, id);
        if (target.isEmpty() && done == null) {
            return notReportable();
        }
        String thanks = switch (done == null ? "" : done) {
            case "reported" -> "Thank you. A moderator will look at this comment.";
            case "already" -> "You have already reported this comment. A moderator will look at it.";
            default -> null;
        };
        return Response.ok(Templates.report(target.orElse(null), FormState.empty(), thanks))
                .build();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(
            @RestPath String slug,
            @RestPath long id,
            @RestForm String reason,
            @RestForm String details,
            @Context HttpServerRequest request) {
        Optional<Reports.ReportTarget> target = reports.target(slug, id);
        if (target.isEmpty()) {
            return notReportable();
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reason", reason);
        typed.put("details", details);
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason == null || !Reports.REASONS.contains(reason)) {
            errors.put("reason", "Choose why you are reporting this comment.");
        }
        String more = details == null ? "" : details.strip();
        if ("Something else".equals(reason) && more.isEmpty()) {
            errors.put("details", "Please tell the moderators what is wrong with this comment.");
        } else if (more.length() > MAX_DETAILS) {
            errors.put("details", "Please keep it to 400 characters.");
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.report(target.get(), FormState.of(typed).withErrors(errors), null))
                    .build();
        }
        String ip =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        // A guest counts once per IP address: a cookie would be free to throw away and report again.
        String reporterKey = viewer.reader()
                .map(r -> Tokens.sha256("identity:" + r.identityId()))
                .orElse(Tokens.sha256("ip:" + ip));
        Reports.Outcome outcome;
        try {
            outcome = reports.report(
                    slug, id, more.isEmpty() ? reason : reason + ": " + more, reporterKey, viewer.reader(), ip);
        } catch (RuntimeException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            outcome = Reports.Outcome.ALREADY_REPORTED;
        }
        if (outcome == Reports.Outcome.NOT_REPORTABLE) {
            return notReportable();
        }
        String done = outcome == Reports.Outcome.RECORDED ? "reported" : "already";
        return Response.seeOther(URI.create(Routes.withNotice(Routes.report(slug, id), done)))
                .build();
    }

    private static Response notReportable() {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(Templates.report(null, FormState.empty(), null))
                .build();
    }
}
