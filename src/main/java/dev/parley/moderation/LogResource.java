package dev.parley.moderation;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.audit.LogFilter;
import dev.parley.audit.LogPage;
import dev.parley.identity.Roles;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /moderation/log}: every moderation and settings action, newest first, with filters. */
@Path(Routes.LOG)
@Produces(MediaType.TEXT_HTML)
public class LogResource {

    @CheckedTemplate(basePath = "moderation")
    static class Templates {
        static native TemplateInstance log(LogPage page, LogFilter filter, List<AuditAction> actions, String olderLink);
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.MODERATOR)
    public TemplateInstance log(
            @RestQuery String action, @RestQuery String actor, @RestQuery String comment, @RestQuery Long before) {
        Long commentId = null;
        if (comment != null && comment.strip().matches("\\d{1,18}")) {
            commentId = Long.valueOf(comment.strip());
        }
        LogFilter filter = new LogFilter(
                AuditAction.parse(action).orElse(null),
                actor == null || actor.isBlank() ? null : actor.strip(),
                commentId);
        LogPage page = audit.page(filter, before);
        String older = page.nextBefore() == null ? null : olderLink(filter, page.nextBefore());
        return Templates.log(page, filter, Arrays.asList(AuditAction.values()), older);
    }

    private static String olderLink(LogFilter filter, long before) {
        StringBuilder link = new StringBuilder(Routes.log() + "?before=" + before);
        if (filter.action() != null) {
            link.append("&action=").append(filter.action().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.actor() != null) {
            link.append("&actor=").append(URLEncoder.encode(filter.actor(), StandardCharsets.UTF_8));
        }
        if (filter.commentId() != null) {
            link.append("&comment=").append(filter.commentId());
        }
        return link.toString();
    }
}
