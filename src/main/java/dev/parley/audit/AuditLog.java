package dev.parley.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes entries inside the caller's transaction (an action and its record commit together) and reads them. */
@ApplicationScoped
public class AuditLog {

    static final int PAGE_SIZE = 50;

    @Inject
    Instance<CurrentActor> current;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditAction action, Long commentId, String summary, String before, String after) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actorName = actor.name();
        entry.actorAccount = actor.accountId();
        entry.actorIdentity = actor.identityId();
        entry.action = action;
        entry.commentId = commentId;
        entry.summary = clip(summary, AuditEntry.MAX_SUMMARY);
        entry.beforeState = before == null ? null : clip(before, AuditEntry.MAX_STATE);
        entry.afterState = after == null ? null : clip(after, AuditEntry.MAX_STATE);
        entry.persist();
    }

    /** Records an action by whoever is signed in to the current request (the site owner, in the admin area). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordByCurrentUser(AuditAction action, String summary) {
        record(current.get().get(), action, null, summary, null, null);
    }

    /** The newest entry about a comment: who decided last, for "already approved by Ann at 14:02". */
    @Transactional
    public Optional<AuditRow> lastAbout(long commentId) {
        return AuditEntry.<AuditEntry>find("commentId = ?1 order by at desc, id desc", commentId)
                .firstResultOptional()
                .map(AuditRow::of);
    }

    /**
     * The newest entry of the given kinds about each of these comments (one query for a page of the queue);
     * comments with none are absent from the map.
     */
    @Transactional
    public Map<Long, AuditRow> lastOfEach(Collection<Long> commentIds, Set<AuditAction> actions) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, AuditRow> newest = new HashMap<>();
        AuditEntry.<AuditEntry>find("commentId in ?1 and action in ?2 order by at desc, id desc", commentIds, actions)
                .stream()
                .forEach(e -> newest.putIfAbsent(e.commentId, AuditRow.of(e)));
        return newest;
    }

    /** A comment's whole history, oldest first. */
    @Transactional
    public List<AuditRow> history(long commentId) {
        return AuditEntry.<AuditEntry>find("commentId = ?1 order by at, id", commentId).stream()
                .map(AuditRow::of)
                .toList();
    }

    /** One page of the log, newest first, after the entry {@code beforeId} when given. */
    @Transactional
    public LogPage page(LogFilter filter, Long beforeId) {
        StringBuilder query = new StringBuilder("1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (filter.action() != null) {
            query.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.actor() != null) {
            query.append(" and actorName = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.commentId() != null) {
            query.append(" and commentId = :comment");
            params.put("comment", filter.commentId());
        }
        if (beforeId != null) {
            query.append(" and id < :before");
            params.put("before", beforeId);
        }
        query.append(" order by id desc");
        List<AuditRow> rows = AuditEntry.<AuditEntry>find(query.toString(), params).page(0, PAGE_SIZE + 1).stream()
                .map(AuditRow::of)
                .toList();
        boolean more = rows.size() > PAGE_SIZE;
        List<AuditRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        return new LogPage(shown, more ? shown.get(shown.size() - 1).id() : null);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
