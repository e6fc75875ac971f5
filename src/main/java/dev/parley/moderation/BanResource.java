package dev.parley.moderation;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Bans: the list, adding one (often prefilled from a queue item), lifting one. */
@Path(Routes.BANS)
@Produces(MediaType.TEXT_HTML)
public class BanResource {

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance bans(List<Bans.BanRow> bans, List<BanKind> kinds, FormState form, String done);
    }

    @Inject
    Bans bans;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance list(@RestQuery String kind, @RestQuery String value, @RestQuery String done) {
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("kind", kind);
        prefill.put("value", value);
        return page(FormState.of(prefill), done);
    }

    @POST
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String kind, @RestForm String value, @RestForm String reason, @RestForm String days) {
        Map<String, String> errors = bans.add(kind, value, reason, days, viewer.actor());
        if (!errors.isEmpty()) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("kind", kind);
            typed.put("value", value);
            typed.put("reason", reason);
            typed.put("days", days);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(FormState.of(typed).withErrors(errors), null))
                    .build();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.bans(), "banned")))
                .build();
    }

    @POST
    @Path("{id}/lift")
    @RolesAllowed(Roles.MODERATOR)
    public Response lift(@RestPath long id) {
        bans.lift(id, viewer.actor());
        return Response.seeOther(URI.create(Routes.withNotice(Routes.bans(), "lifted")))
                .build();
    }

    private TemplateInstance page(FormState form, String done) {
        return Templates.bans(bans.list(Instant.now()), Arrays.asList(BanKind.values()), form, done);
    }
}
