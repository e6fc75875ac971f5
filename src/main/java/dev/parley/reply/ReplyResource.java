package dev.parley.reply;

import dev.parley.article.ThreadLocator;
import dev.parley.article.ThreadService;
import dev.parley.web.Routes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

/** Receives the "Leave a Reply" form of an article page. */
@Path("/articles/{slug}/comments")
@Produces(MediaType.TEXT_HTML)
public class ReplyResource {

    @Inject
    ReplyDesk desk;

    @Inject
    ThreadService threads;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(
            @RestPath String slug,
            ReplyForm form,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        return desk.receive(
                ThreadLocator.article(slug),
                form,
                (commenter, replyTo) -> threads.articlePage(slug, commenter, replyTo, null),
                Routes.postComment(slug),
                headers,
                uri,
                request);
    }
}
