package dev.parley.moderation;

import dev.parley.audit.AuditLog;
import dev.parley.audit.AuditRow;
import dev.parley.identity.Roles;
import dev.parley.identity.Viewer;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
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
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** One comment in the moderation area: its details and history, editing its text, replying as staff. */
@Path(Routes.MODERATION + "/comments/{id}")
@Produces(MediaType.TEXT_HTML)
public class CommentResource {

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance comment(QueueItem item, List<AuditRow> history, String done);

        static native TemplateInstance edit(QueueItem item, FormState form, String current);

        static native TemplateInstance reply(QueueItem item, FormState form);

        static native TemplateInstance gone(String typed);
    }

    @Inject
    QueueReader reader;

    @Inject
    StaffWriting writing;

    @Inject
    AuditLog audit;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance show(@RestPath long id, @RestQuery String done) {
        QueueItem item = reader.item(id).orElseThrow(NotFoundException::new);
        return Templates.comment(item, audit.history(id), done);
    }

    @GET
    @Path("edit")
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance editForm(@RestPath long id) {
        QueueItem item = reader.item(id).orElseThrow(NotFoundException::new);
        return Templates.edit(item, formOf(reader.text(id), item.version()), null);
    }

    @POST
    @Path("edit")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@RestPath long id, @RestForm String comment, @RestForm Integer version) {
        int seen = version == null ? -1 : version;
        StaffWriting.Written written;
        try {
            written = writing.edit(id, seen, comment, viewer.actor());
        } catch (OptimisticLockException changedWhileSaving) {
            written = StaffWriting.Written.refused(
                    id,
                    StaffWriting.Written.Problem.CONFLICT,
                    FormState.GLOBAL,
                    "Someone else changed this comment while you were saving. Your text is still here.");
        }
        if (written.ok()) {
            return Response.seeOther(URI.create(Routes.withNotice(Routes.moderatedComment(id), "edited")))
                    .build();
        }
        String current = written.problem() == StaffWriting.Written.Problem.CONFLICT ? reader.text(id) : null;
        return formAgain(id, comment, seen, written, (item, typed) -> Templates.edit(item, typed, current));
    }

    @GET
    @Path("reply")
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance replyForm(@RestPath long id) {
        QueueItem item = reader.item(id).orElseThrow(NotFoundException::new);
        return Templates.reply(item, formOf("", item.version()));
    }

    @POST
    @Path("reply")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@RestPath long id, @RestForm String comment, @RestForm Integer version) {
        int seen = version == null ? -1 : version;
        StaffWriting.Written written = writing.reply(id, seen, comment, viewer.actor(), viewer.getEmail());
        if (written.ok()) {
            return Response.seeOther(
                            URI.create(Routes.withNotice(Routes.moderatedComment(written.commentId()), "replied")))
                    .build();
        }
        return formAgain(id, comment, seen, written, Templates::reply);
    }

    /**
     * The edit or reply form again, with the moderator's text and the messages. After a conflict the form
     * takes the current version (the current text is shown): saving again is then a deliberate choice. After
     * a mistake it keeps the version the moderator started from. A comment deleted meanwhile gives a page
     * with the text to keep.
     */
    private Response formAgain(
            long id,
            String text,
            int seen,
            StaffWriting.Written written,
            BiFunction<QueueItem, FormState, TemplateInstance> page) {
        Optional<QueueItem> item = reader.item(id);
        if (item.isEmpty()) {
            return gone(text);
        }
        boolean conflict = written.problem() == StaffWriting.Written.Problem.CONFLICT;
        FormState typed = formOf(text, conflict ? item.get().version() : seen).withErrors(written.errors());
        return Response.status(written.problem().status)
                .entity(page.apply(item.get(), typed))
                .build();
    }

    private static FormState formOf(String text, int version) {
        return FormState.of(Map.of("comment", text == null ? "" : text, "version", String.valueOf(version)));
    }

    /** The comment was deleted meanwhile: say so, and give the moderator their text back. */
    private static Response gone(String typed) {
        return Response.status(Response.Status.GONE)
                .entity(Templates.gone(typed == null ? "" : typed))
                .build();
    }
}
