package dev.parley.settings;

import dev.parley.identity.Roles;
import dev.parley.identity.Viewer;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** Settings › Discussion, in the owner's admin area, with "Try these rules" on recent comments. */
@Path(Routes.SETTINGS)
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @CheckedTemplate(basePath = "settings")
    static class Templates {
        static native TemplateInstance discussion(
                FormState form, boolean saved, List<PublishPolicy> policies, RuleTrial.TrialReport trial);
    }

    @Inject
    SettingsService settings;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance show(@RestQuery String done) {
        FormState form = FormState.of(SettingsForm.of(settings.discussion()).typed());
        return page(form, "saved".equals(done), null);
    }

    @POST
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(SettingsForm form) {
        Map<String, String> errors = settings.save(form, viewer.actor());
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(FormState.of(form.typed()).withErrors(errors), false, null))
                    .build();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.settings(), "saved")))
                .build();
    }

    /** The dry run: nothing is saved; the page comes back with the typed values and what the rules would do. */
    @POST
    @Path("try")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tryRules(SettingsForm form) {
        SettingsService.TrialAnswer answer = settings.tryRules(form);
        FormState typed = FormState.of(form.typed()).withErrors(answer.errors());
        return Response.status(answer.errors().isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(page(typed, false, answer.report()))
                .build();
    }

    private static TemplateInstance page(FormState form, boolean saved, RuleTrial.TrialReport trial) {
        return Templates.discussion(form, saved, Arrays.asList(PublishPolicy.values()), trial);
    }
}
