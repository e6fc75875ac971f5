package dev.parley.audit;

/** What the log is narrowed to; {@code null} parts match everything. */
public record LogFilter(AuditAction action, String actor, Long commentId) {

    public boolean isEmpty() {
        return action == null && actor == null && commentId == null;
    }
}
