package dev.parley.moderation;

import dev.parley.identity.Roles;
import dev.parley.identity.Viewer;
import dev.parley.web.Routes;
import dev.parley.web.SafeRedirect;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The moderators' queue: tabs, filters, keyset pages, and decisions one by one or in bulk. */
@Path(Routes.MODERATION)
@Produces(MediaType.TEXT_HTML)
public class ModerationResource {

    /** What the page says after a decision: "3 comments approved." */
    public record Done(long count, String what) {}

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance queue(QueuePage queue, Done done, String problem, List<String> conflicts);

        static native TemplateInstance confirmDelete(DeletionPreview preview);
    }

    @Inject
    QueueReader reader;

    @Inject
    ModerationService moderation;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance queue(
            @RestQuery String tab,
            @RestQuery String article,
            @RestQuery String author,
            @RestQuery String email,
            @RestQuery String ip,
            @RestQuery("q") String text,
            @RestQuery String scope,
            @RestQuery String order,
            @RestQuery String after,
            @RestQuery String before,
            @RestQuery("done") String decided,
            @RestQuery("n") Integer count) {
        QueueFilter filter = QueueFilter.of(tab, article, author, email, ip, text, scope, order, after, before);
        Done done = Decision.parse(decided)
                .map(d -> new Done(count == null ? 0 : count, d.pastTense()))
                .orElse(null);
        return Templates.queue(reader.page(filter), done, null, List.of());
    }

    /**
     * One form serves both ways of deciding: a button on one comment sends
     * {@code one=<decision>:<id>:<version>}; the bulk buttons send {@code bulk=<decision>} with the ticked
     * {@code ids} ({@code <id>:<version>} each). {@code back} is the queue view to return to.
     */
    @POST
    @Path("decisions")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @RestForm String one,
            @RestForm String bulk,
            @RestForm List<String> ids,
            @RestForm String back,
            @RestForm String confirmed) {
        String returnTo = backTo(back);
        Optional<Decision> decision;
        List<ModerationService.Pick> picks = new ArrayList<>();
        if (one != null && one.indexOf(':') > 0) {
            decision = Decision.parse(one.substring(0, one.indexOf(':')));
            ModerationService.Pick.parse(one.substring(one.indexOf(':') + 1)).ifPresent(picks::add);
        } else {
            decision = Decision.parse(bulk);
            if (ids != null) {
                ids.forEach(id -> ModerationService.Pick.parse(id).ifPresent(picks::add));
            }
        }
        if (decision.isEmpty() || picks.isEmpty()) {
            String problem = decision.isEmpty() ? "Choose what to do with the comments." : "Tick the comments first.";
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.queue(reader.page(filterOf(returnTo)), null, problem, List.of()))
                    .build();
        }
        if (decision.get() == Decision.DELETE && !"yes".equals(confirmed)) {
            // Nothing brings a deleted comment back: without the page's script (which asks in a dialog and
            // sends "confirmed"), the button leads to a page that names what will be lost.
            return Response.ok(Templates.confirmDelete(preview(one, picks, returnTo)))
                    .build();
        }
        ModerationService.Result result = moderation.decide(picks, decision.get(), viewer.actor());
        if (!result.conflicts().isEmpty()) {
            // Someone else got there first: say who, and show the queue as it is now. Only what did happen is
            // reported as done: "0 comments moved to the trash" above the conflict would say the opposite.
            Done done = result.changed() == 0
                    ? null
                    : new Done(result.changed(), decision.get().pastTense());
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.queue(reader.page(filterOf(returnTo)), done, null, result.conflicts()))
                    .build();
        }
        String target = Routes.withNotice(returnTo, decision.get().value()) + "&n=" + result.changed();
        return Response.seeOther(URI.create(target)).build();
    }

    private DeletionPreview preview(String one, List<ModerationService.Pick> picks, String back) {
        List<DeletionPreview.Doomed> doomed =
                reader.doomed(picks.stream().map(ModerationService.Pick::id).toList());
        return one != null && one.indexOf(':') > 0
                ? new DeletionPreview(doomed, Decision.DELETE.value() + ":" + pickValue(picks.get(0)), List.of(), back)
                : new DeletionPreview(
                        doomed,
                        null,
                        picks.stream().map(ModerationResource::pickValue).toList(),
                        back);
    }

    private static String pickValue(ModerationService.Pick pick) {
        return pick.id() + ":" + pick.version();
    }

    /** The queue view a form came from; anything that is not a queue address falls back to the queue. */
    static String backTo(String back) {
        String queue = Routes.moderation();
        String path = SafeRedirect.localPathOr(back, queue);
        return path.equals(queue) || path.startsWith(queue + "?") ? path : queue;
    }

    private static QueueFilter filterOf(String link) {
        java.util.Map<String, String> q = new java.util.HashMap<>();
        int start = link.indexOf('?');
        if (start >= 0) {
            for (String pair : link.substring(start + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            pair.substring(0, eq),
                            java.net.URLDecoder.decode(
                                    pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return QueueFilter.of(
                q.get("tab"),
                q.get("article"),
                q.get("author"),
                q.get("email"),
                q.get("ip"),
                q.get("q"),
                q.get("scope"),
                q.get("order"),
                q.get("after"),
                q.get("before"));
    }
}
