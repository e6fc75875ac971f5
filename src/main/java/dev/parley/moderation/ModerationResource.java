package dev.parley.moderation;

import dev.parley.identity.Roles;
import dev.parley.identity.Viewer;
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
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The moderators' queue. */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
public class ModerationResource {

    /** What the page says after a decision: "3 comments approved." */
    public record Done(long count, String what) {}

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance queue(QueuePage queue, Done done, String problem);
    }

    @Inject
    ModerationService moderation;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance queue(
            @RestQuery Integer page, @RestQuery("done") String decided, @RestQuery("n") Integer count) {
        Done done = Decision.parse(decided)
                .map(d -> new Done(count == null ? 0 : count, d.pastTense()))
                .orElse(null);
        return Templates.queue(moderation.pending(page == null ? 1 : page), done, null);
    }

    /**
     * One form serves both ways of deciding: a button on one comment sends {@code one=<decision>:<id>};
     * the bulk buttons send {@code bulk=<decision>} with the ticked {@code ids}.
     */
    @POST
    @Path("decisions")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @RestForm String one, @RestForm String bulk, @RestForm List<Long> ids, @RestForm Integer page) {
        int returnTo = page == null ? 1 : page;
        Optional<Decision> decision;
        List<Long> chosen;
        if (one != null && one.contains(":")) {
            decision = Decision.parse(one.substring(0, one.indexOf(':')));
            chosen = parseIds(one.substring(one.indexOf(':') + 1));
        } else {
            decision = Decision.parse(bulk);
            chosen = ids == null ? List.of() : ids;
        }
        if (decision.isEmpty() || chosen.isEmpty()) {
            String problem = decision.isEmpty() ? "Choose what to do with the comments." : "Tick the comments first.";
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.queue(moderation.pending(returnTo), null, problem))
                    .build();
        }
        int changed = moderation.decide(chosen, decision.get(), viewer.getAccountId());
        String target = Routes.moderation(returnTo) + (returnTo > 1 ? "&" : "?") + "done="
                + decision.get().name().toLowerCase() + "&n=" + changed;
        return Response.seeOther(URI.create(target)).build();
    }

    private static List<Long> parseIds(String value) {
        try {
            return List.of(Long.valueOf(value.strip()));
        } catch (NumberFormatException notAnId) {
            return List.of();
        }
    }
}
