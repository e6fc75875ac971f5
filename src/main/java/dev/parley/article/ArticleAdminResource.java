package dev.parley.article;

import dev.parley.identity.Roles;
import dev.parley.web.FormState;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The owner's article pages under {@code /admin}; {@code /admin} itself is the list of articles. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ArticleAdminResource {

    @CheckedTemplate(basePath = "article")
    static class Templates {
        static native TemplateInstance adminList(List<ArticleRow> articles, String done);

        static native TemplateInstance adminEdit(Long id, String action, FormState form);

        static native TemplateInstance adminDelete(ArticleRow article);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "saved", "Article saved.",
            "deleted", "Article deleted, with its comments.",
            "published", "Article published.",
            "unpublished", "Article moved back to drafts.",
            "closed", "Comments closed.",
            "opened", "Comments opened.");

    @Inject
    ArticleAdminService articles;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance list(@RestQuery String done) {
        return Templates.adminList(articles.list(), done == null ? null : NOTICES.get(done));
    }

    @GET
    @Path("articles/new")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance newArticle() {
        return editor(
                null,
                FormState.of(Map.of("format", BodyFormat.PLAIN.name(), "published", "yes", "commentsOpen", "yes")));
    }

    @POST
    @Path("articles")
    @RolesAllowed(Roles.OWNER)
    public Response create(ArticleForm form) {
        return saved(null, form);
    }

    @GET
    @Path("articles/{id}")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance edit(@RestPath long id) {
        return editor(id, FormState.of(articles.formValues(id).orElseThrow(NotFoundException::new)));
    }

    @POST
    @Path("articles/{id}")
    @RolesAllowed(Roles.OWNER)
    public Response update(@RestPath long id, ArticleForm form) {
        return saved(id, form);
    }

    @POST
    @Path("articles/{id}/publish")
    @RolesAllowed(Roles.OWNER)
    public Response publish(@RestPath long id) {
        return listWith(articles.setPublished(id, true), "published");
    }

    @POST
    @Path("articles/{id}/unpublish")
    @RolesAllowed(Roles.OWNER)
    public Response unpublish(@RestPath long id) {
        return listWith(articles.setPublished(id, false), "unpublished");
    }

    @POST
    @Path("articles/{id}/close")
    @RolesAllowed(Roles.OWNER)
    public Response closeComments(@RestPath long id) {
        return listWith(articles.setCommentsOpen(id, false), "closed");
    }

    @POST
    @Path("articles/{id}/open")
    @RolesAllowed(Roles.OWNER)
    public Response openComments(@RestPath long id) {
        return listWith(articles.setCommentsOpen(id, true), "opened");
    }

    /** Deleting takes the comments with it, so the owner confirms on a page of its own. */
    @GET
    @Path("articles/{id}/delete")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.adminDelete(articles.row(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("articles/{id}/delete")
    @RolesAllowed(Roles.OWNER)
    public Response delete(@RestPath long id) {
        return listWith(articles.delete(id), "deleted");
    }

    private Response saved(Long id, ArticleForm form) {
        ArticleAdminService.Saved saved = articles.save(id, form).orElseThrow(NotFoundException::new);
        if (!saved.ok()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(editor(id, FormState.of(form.typed()).withErrors(saved.errors())))
                    .build();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.admin(), "saved")))
                .build();
    }

    private static TemplateInstance editor(Long id, FormState form) {
        return Templates.adminEdit(id, id == null ? Routes.articles() : Routes.editArticle(id), form);
    }

    private static Response listWith(boolean found, String done) {
        if (!found) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.admin(), done)))
                .build();
    }
}
