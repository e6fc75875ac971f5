package dev.parley.site;

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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** "Sites" in the owner's admin area: the websites whose pages carry threads, and those threads. */
@Path(Routes.SITES)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SiteAdminResource {

    /** The choices for the trailing slash, in the words the form shows. */
    public record SlashChoice(String value, String label) {}

    static final List<SlashChoice> SLASH_CHOICES = List.of(
            new SlashChoice(TrailingSlash.KEEP.name(), "Keep it as the page gives it"),
            new SlashChoice(TrailingSlash.ADD.name(), "Always add it (/blog/post/)"),
            new SlashChoice(TrailingSlash.REMOVE.name(), "Always remove it (/blog/post)"));

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance adminList(
                List<SiteRow> sites, FormState form, List<SlashChoice> slashChoices, String done);

        static native TemplateInstance adminSite(
                long id, String name, FormState form, List<SlashChoice> slashChoices, ThreadList threads, String done);

        static native TemplateInstance adminThread(SiteAdminService.ThreadEditor thread, FormState form, String done);

        static native TemplateInstance adminDelete(SiteAdminService.Deletion site);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "added", "Site added. Its pages can carry threads now.",
            "saved", "Site saved.",
            "deleted", "Site deleted.",
            "closed", "Comments closed on this thread.",
            "opened", "Comments opened on this thread.",
            "closedAll", "Comments closed on all threads of this site.",
            "threadSaved", "Thread saved.");

    @Inject
    SiteAdminService sites;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance list(@RestQuery String done) {
        return Templates.adminList(sites.list(), FormState.of(SiteForm.defaults()), SLASH_CHOICES, notice(done));
    }

    @POST
    @RolesAllowed(Roles.OWNER)
    public Response create(SiteForm form) {
        SiteAdminService.Saved saved = sites.save(null, form);
        if (!saved.ok()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.adminList(
                            sites.list(), FormState.of(form.typed()).withErrors(saved.errors()), SLASH_CHOICES, null))
                    .build();
        }
        return seeOther(Routes.withNotice(Routes.site(saved.id()), "added"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance show(@RestPath long id, @RestQuery String done, @RestQuery String page) {
        FormState form = FormState.of(sites.formValues(id).orElseThrow(NotFoundException::new));
        return Templates.adminSite(
                id, form.value("name"), form, SLASH_CHOICES, sites.threads(id, pageNumber(page)), notice(done));
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Roles.OWNER)
    public Response update(@RestPath long id, SiteForm form) {
        SiteAdminService.Saved saved = sites.save(id, form);
        if (!saved.ok()) {
            String storedName = sites.name(id).orElseThrow(NotFoundException::new);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.adminSite(
                            id,
                            storedName,
                            FormState.of(form.typed()).withErrors(saved.errors()),
                            SLASH_CHOICES,
                            sites.threads(id, 1),
                            null))
                    .build();
        }
        return seeOther(Routes.withNotice(Routes.site(id), "saved"));
    }

    /** Deleting asks on a page of its own, which says why a site with threads stays. */
    @GET
    @Path("{id}/delete")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.adminDelete(sites.deletion(id));
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed(Roles.OWNER)
    public Response delete(@RestPath long id, @RestForm String confirmed) {
        if (!"yes".equals(confirmed)) {
            return Response.ok(Templates.adminDelete(sites.deletion(id))).build();
        }
        if (!sites.delete(id)) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.adminDelete(sites.deletion(id)))
                    .build();
        }
        return seeOther(Routes.withNotice(Routes.sites(), "deleted"));
    }

    @POST
    @Path("{id}/close-threads")
    @RolesAllowed(Roles.OWNER)
    public Response closeAllThreads(@RestPath long id) {
        sites.closeAllThreads(id);
        return seeOther(Routes.withNotice(Routes.site(id), "closedAll"));
    }

    @GET
    @Path("{id}/threads/{threadId}")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance editThread(@RestPath long id, @RestPath long threadId, @RestQuery String done) {
        return Templates.adminThread(
                sites.threadEditor(id, threadId), FormState.of(sites.threadFormValues(id, threadId)), notice(done));
    }

    @POST
    @Path("{id}/threads/{threadId}")
    @RolesAllowed(Roles.OWNER)
    public Response updateThread(@RestPath long id, @RestPath long threadId, ThreadForm form) {
        SiteAdminService.Saved saved = sites.saveThread(id, threadId, form);
        if (!saved.ok()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.adminThread(
                            sites.threadEditor(id, threadId),
                            FormState.of(form.typed()).withErrors(saved.errors()),
                            null))
                    .build();
        }
        return seeOther(Routes.withNotice(Routes.siteThread(id, threadId), "threadSaved"));
    }

    @POST
    @Path("{id}/threads/{threadId}/close")
    @RolesAllowed(Roles.OWNER)
    public Response closeThread(@RestPath long id, @RestPath long threadId, @RestForm String page) {
        sites.setThreadOpen(id, threadId, false);
        return seeOther(Routes.withNotice(Routes.sitePage(id, pageNumber(page)), "closed"));
    }

    @POST
    @Path("{id}/threads/{threadId}/open")
    @RolesAllowed(Roles.OWNER)
    public Response openThread(@RestPath long id, @RestPath long threadId, @RestForm String page) {
        sites.setThreadOpen(id, threadId, true);
        return seeOther(Routes.withNotice(Routes.sitePage(id, pageNumber(page)), "opened"));
    }

    /** A page number from the address; anything else (missing, "x", "-3", 10^20) is page 1. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String notice(String done) {
        return done == null ? null : NOTICES.get(done);
    }

    private static Response seeOther(String target) {
        return Response.seeOther(URI.create(target)).build();
    }
}
