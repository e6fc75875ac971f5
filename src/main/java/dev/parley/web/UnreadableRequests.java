package dev.parley.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.request.AcceptHeaders;

/**
 * Requests that no browser sends but anyone can: a malformed {@code Accept}, {@code Accept-Language},
 * {@code Accept-Charset} or {@code Accept-Encoding} header
 * makes the framework fail while it picks the page's variant, after Parley's error mappers have had their turn,
 * which would answer 500 and log a stack trace. Such headers are checked with the framework's own parser before
 * anything else runs, and refused with a plain 400 page and one log line.
 */
public class UnreadableRequests {

    private static final Logger LOG = Logger.getLogger(UnreadableRequests.class);
    private static final String URL_DECODER = "org.jboss.resteasy.reactive.common.util.URLUtils";

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnreadableHeaders(ContainerRequestContext request) {
        String problem = problemWith(request);
        if (problem == null) {
            return null;
        }
        return refuse(request.getUriInfo().getPath(), problem);
    }

    private static String problemWith(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !readable(() -> AcceptHeaders.getMediaTypeQualityValues(accept))) {
            return "unreadable Accept header";
        }
        String language = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (language != null && !readable(() -> AcceptHeaders.getLocaleQualityValues(language))) {
            return "unreadable Accept-Language header";
        }
        for (String header : List.of(HttpHeaders.ACCEPT_CHARSET, HttpHeaders.ACCEPT_ENCODING)) {
            String value = request.getHeaderString(header);
            if (value != null && !readable(() -> AcceptHeaders.getStringQualityValues(value))) {
                return "unreadable " + header + " header";
            }
        }
        return null;
    }

    private static boolean readable(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A form body with a broken percent escape ({@code email=%zz}) fails while the framework decodes it, before
     * any of Parley's code runs; browsers never send one, so there is no typed text to give back.
     */
    static boolean isUndecodableForm(Throwable e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(URL_DECODER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 400 page for a request Parley cannot read. The page is rendered here, as text: a template answer would
     * send it through the same content negotiation that could not read the request.
     */
    static Response refuse(String path, String problem) {
        LOG.warnf("Refused a request to %s: %s", path, problem);
        String page = ErrorPages.Templates.page(
                        400,
                        "This request could not be read",
                        "Your browser or another program sent a request Parley cannot read. Nothing was saved."
                                + " Go back and try again.",
                        null,
                        null)
                .render();
        return Response.status(400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }
}
