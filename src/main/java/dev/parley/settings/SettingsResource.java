package dev.parley.settings;

import dev.parley.identity.Roles;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Settings › Discussion, in the owner's admin area. */
@Path(Routes.SETTINGS)
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @CheckedTemplate(basePath = "settings")
    static class Templates {
        static native TemplateInstance discussion(FormState form, boolean saved, int minDepth, int maxDepth);
    }

    @Inject
    SettingsService settings;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance show(@RestQuery String done) {
        FormState form = FormState.of(
                Map.of("threadDepth", String.valueOf(settings.discussion().threadDepth())));
        return page(form, "saved".equals(done));
    }

    @POST
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String threadDepth) {
        Map<String, String> errors = settings.changeThreadDepth(threadDepth);
        if (!errors.isEmpty()) {
            FormState typed = FormState.of(Map.of("threadDepth", threadDepth == null ? "" : threadDepth));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(typed.withErrors(errors), false))
                    .build();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.SETTINGS, "saved")))
                .build();
    }

    private static TemplateInstance page(FormState form, boolean saved) {
        return Templates.discussion(
                form, saved, DiscussionSettings.MIN_THREAD_DEPTH, DiscussionSettings.MAX_THREAD_DEPTH);
    }
}
