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

/** One comment in the moderation area: its details and history, editing its text, replying as staff. */
@Path(Routes.MODERATION + "/comments/{id}")
@Produces(MediaType.TEXT_HTML)
public class CommentResource {

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance comment(QueueItem item, List<AuditRow> history, String done);

        static native TemplateInstance edit(QueueItem item, FormState form);

        static native TemplateInstance reply(QueueItem item, FormState form);
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
        return Templates.edit(
                item, FormState.of(Map.of("comment", reader.text(id), "version", String.valueOf(item.version()))));
    }

    @POST
    @Path("edit")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@RestPath long id, @RestForm String comment, @RestForm Integer version) {
        StaffWriting.Written written = writing.edit(id, version == null ? -1 : version, comment, viewer.actor());
        if (written.ok()) {
            return Response.seeOther(URI.create(Routes.moderatedComment(id) + "?done=edited"))
                    .build();
        }
        QueueItem item = reader.item(id).orElseThrow(NotFoundException::new);
        // The version stays the one the moderator edited, so a second save is checked again.
        FormState typed = FormState.of(
                        Map.of("comment", comment == null ? "" : comment, "version", String.valueOf(item.version())))
                .withErrors(written.errors());
        int status = written.errors().containsKey(FormState.GLOBAL) ? 409 : 400;
        return Response.status(status).entity(Templates.edit(item, typed)).build();
    }

    @GET
    @Path("reply")
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance replyForm(@RestPath long id) {
        return Templates.reply(reader.item(id).orElseThrow(NotFoundException::new), FormState.empty());
    }

    @POST
    @Path("reply")
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@RestPath long id, @RestForm String comment) {
        StaffWriting.Written written = writing.reply(id, comment, viewer.actor(), viewer.getEmail());
        if (written.ok()) {
            return Response.seeOther(URI.create(Routes.moderatedComment(written.commentId()) + "?done=replied"))
                    .build();
        }
        QueueItem item = reader.item(id).orElse(null);
        if (item == null) {
            throw new NotFoundException();
        }
        FormState typed =
                FormState.of(Map.of("comment", comment == null ? "" : comment)).withErrors(written.errors());
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.reply(item, typed))
                .build();
    }
}
