package dev.parley.audit;

import java.time.Instant;

/** An audit entry as pages show it. */
public record AuditRow(
        long id,
        Instant at,
        String actorName,
        AuditAction action,
        Long commentId,
        String summary,
        String before,
        String after) {

    static AuditRow of(AuditEntry e) {
        return new AuditRow(e.id, e.at, e.actorName, e.action, e.commentId, e.summary, e.beforeState, e.afterState);
    }

    public boolean hasChange() {
        return before != null || after != null;
    }
}
