package dev.parley.pagecache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts this instance's committed writes to what threads show. A kept rendering is checked against the database
 * every so often anyway (for other instances' writes); after a write here it is checked at the next answer, so
 * that whoever made a change, and anyone after them, sees it at once on this instance.
 *
 * <p>Every statement Hibernate runs passes here (entity updates, bulk and native ones alike), so no write path
 * has to remember to say so.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class LocalWrites implements StatementInspector {

    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    /** The tables whose rows the triggers of V13 watch. */
    private static final Set<String> SHOWN =
            Set.of("comment", "article", "discussion_settings", "login_provider", "site");

    private static final Object MARK = LocalWrites.class;

    @Inject
    Generation generation;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.enterprise.inject.Instance<StatementObserver> observers;

    /** Resolved at the first statement: beans are all known by then, and the look-up is not repeated. */
    private volatile java.util.List<StatementObserver> observing;

    @Override
    public String inspect(String sql) {
        java.util.List<StatementObserver> told = observing;
        if (told == null) {
            told = observers.stream().toList();
            observing = told;
        }
        for (StatementObserver observer : told) {
            observer.prepared(sql);
        }
        Matcher write = WRITE.matcher(sql);
        if (write.lookingAt() && SHOWN.contains(write.group(1).toLowerCase(Locale.ROOT))) {
            noteInTransaction();
        }
        return sql;
    }

    private void noteInTransaction() {
        if (transactions.getTransactionKey() == null || transactions.getResource(MARK) != null) {
            return;
        }
        transactions.putResource(MARK, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    generation.advance();
                }
            }
        });
    }

    /** The count itself: a bean of its own, since the inspector is Hibernate's, under its qualifier. */
    @ApplicationScoped
    public static class Generation {

        private final AtomicLong committed = new AtomicLong();

        /** How many transactions that wrote to these tables have committed here so far. */
        long current() {
            return committed.get();
        }

        void advance() {
            committed.incrementAndGet();
        }
    }
}
