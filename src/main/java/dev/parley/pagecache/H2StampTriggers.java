package dev.parley.pagecache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * The H2 build's triggers of migration V13 (the PostgreSQL build has the same in PL/pgSQL): they keep the stamps
 * that tell a shared rendering of a thread whether it is still right. H2 runs triggers as Java classes.
 */
public final class H2StampTriggers {

    private H2StampTriggers() {}

    /** The columns of a comment that its thread shows; a change to any other (a report, the purge) does not count. */
    static final Set<String> SHOWN_COLUMNS = Set.of(
            "STATUS",
            "BODY",
            "AUTHOR_NAME",
            "AUTHOR_URL",
            "PARENT_ID",
            "ARTICLE_ID",
            "HIDDEN_BY_REPORTS",
            "BY_STAFF",
            "CREATED_AT",
            "EDITED_AT");

    private static final String APPROVED = "APPROVED";

    /** A comment added (when readers see it at once), changed where the thread shows it, or removed while shown. */
    public static final class CommentChanged implements Trigger {

        private Map<String, Integer> columns;

        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            columns = columnsOf(conn, schema, table);
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            Object oldArticle = oldRow == null ? null : oldRow[columns.get("ARTICLE_ID")];
            Object newArticle = newRow == null ? null : newRow[columns.get("ARTICLE_ID")];
            if (oldRow == null) {
                if (APPROVED.equals(newRow[columns.get("STATUS")])) {
                    bumpThread(conn, newArticle);
                }
            } else if (newRow == null) {
                if (APPROVED.equals(oldRow[columns.get("STATUS")])) {
                    bumpThread(conn, oldArticle);
                }
            } else if (shownColumnChanged(oldRow, newRow)) {
                bumpThread(conn, oldArticle);
                if (!Objects.equals(oldArticle, newArticle)) {
                    bumpThread(conn, newArticle);
                }
            }
        }

        private boolean shownColumnChanged(Object[] oldRow, Object[] newRow) {
            for (String column : SHOWN_COLUMNS) {
                int i = columns.get(column);
                if (!Objects.equals(oldRow[i], newRow[i])) {
                    return true;
                }
            }
            return false;
        }

        private static void bumpThread(Connection conn, Object articleId) throws SQLException {
            try (PreparedStatement update =
                    conn.prepareStatement("update article set thread_stamp = thread_stamp + 1 where id = ?")) {
                update.setObject(1, articleId);
                update.executeUpdate();
            }
        }
    }

    /** Any change to an article (its text, title, status, whether it takes comments) changes its thread's page. */
    public static final class ArticleChanged implements Trigger {

        private int stamp;

        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            stamp = columnsOf(conn, schema, table).get("THREAD_STAMP");
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            if (Objects.equals(oldRow[stamp], newRow[stamp])) {
                newRow[stamp] = ((Number) oldRow[stamp]).longValue() + 1;
            }
        }
    }

    /** The discussion settings, a login provider or a registered site changed: every page may show it. */
    public static final class SiteChanged implements Trigger {

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            try (PreparedStatement update =
                    conn.prepareStatement("update page_stamp set stamp = stamp + 1 where id = 1")) {
                update.executeUpdate();
            }
        }
    }

    /** Column positions by name, as H2 passes rows to a trigger. */
    static Map<String, Integer> columnsOf(Connection conn, String schema, String table) throws SQLException {
        Map<String, Integer> positions = new HashMap<>();
        try (ResultSet found = conn.getMetaData().getColumns(null, schema, table, null)) {
            while (found.next()) {
                positions.put(
                        found.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), found.getInt("ORDINAL_POSITION") - 1);
            }
        }
        return positions;
    }
}
