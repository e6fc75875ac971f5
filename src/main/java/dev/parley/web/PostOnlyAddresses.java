package dev.parley.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A browser asks for a form's address itself when the reader reloads the page a form answered with, or
 * follows a bookmark or a link to it: that leads to the page the form lives on, never to a "405 Method Not
 * Allowed" page. Other methods an address does not take still get the 405.
 */
public class PostOnlyAddresses {

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response toTheFormsPage(NotAllowedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            // The one error page for everything else.
            return new ErrorPages().webApplication(e);
        }
        String target =
                SafeRedirect.localPathOr(Routes.formPageOf(uri.getRequestUri().getRawPath()), Routes.home());
        return Response.seeOther(URI.create(target)).build();
    }
}
