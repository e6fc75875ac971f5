package dev.parley.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The single place that turns failures into pages. Pages never show exception text or stack traces;
 * unexpected failures are logged with an incident number that the page shows, so an operator can find
 * the cause.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance page(int status, String title, String message, String incident, String kept);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found", "There is nothing at this address. It may have moved or been deleted.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "Not allowed", "Your account does not have access to this page.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 413) {
            // A field far beyond any limit, or a body sent without its length: too large to read at all.
            // The same page as a body refused by its announced length (OversizedRequests), one wording.
            return Response.status(413)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(OversizedRequests.Templates.tooLarge())
                    .build();
        }
        return page(
                status,
                "This request could not be handled",
                "The address or the form sent does not look right. Go back and try again.");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        if (UnreadableRequests.isUndecodableForm(e)) {
            return UnreadableRequests.refuse(requestPath(), "a form with invalid percent-encoding");
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s: request failed", incident);
        return Response.status(500)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.page(
                        500,
                        "Something went wrong",
                        "Parley could not complete this request. Please try again in a moment.",
                        incident,
                        null))
                .build();
    }

    /**
     * The database is stopped, restarting or out of reach: an operational condition, not a bug, so a short
     * warning in the log (no stack trace) and a page that asks to try again, with any comment text given back.
     */
    private static Response databaseUnavailable(Exception e) {
        LOG.warnf("A request failed because the database is unavailable: %s", e.getMessage());
        return Response.status(503)
                .header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.page(
                        503,
                        "Temporarily unavailable",
                        "The site cannot reach its database at this moment. Please try again in a minute.",
                        null,
                        keptComment()))
                .build();
    }

    private static String requestPath() {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        return context == null ? "?" : context.getPath();
    }

    /** The comment text of the form being answered, if the request is a form that has one. */
    private static String keptComment() {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        if (context == null || !"POST".equals(context.getMethod())) {
            return null;
        }
        Object comment = context.getFormParameter("comment", true, false);
        return comment instanceof String text && !text.isBlank() ? text : null;
    }

    /**
     * The CSRF filter rejects a form whose token is missing or wrong with a bare 400. Show a page that
     * explains it and gives back the comment the reader wrote, so nothing they typed is lost.
     */
    @ServerResponseFilter
    public void explainRejectedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())) {
            return;
        }
        // The CSRF filter has already parsed the form; read the comment from it.
        String kept = keptComment();
        response.setEntity(
                Templates.page(
                                400,
                                "This form has expired",
                                "For your security, forms are only accepted from a page Parley served recently."
                                        + " Nothing was saved. Reload the page and send the form again.",
                                null,
                                kept)
                        .render(),
                null,
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private static Response page(int status, String title, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.page(status, title, message, null, null))
                .build();
    }
}
