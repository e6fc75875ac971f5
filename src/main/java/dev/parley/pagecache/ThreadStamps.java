package dev.parley.pagecache;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the stamps the triggers of migration V13 keep: one look-up by primary key (or by the unique slug), so
 * that checking whether a kept rendering is still right costs a fraction of rendering it again.
 */
@ApplicationScoped
class ThreadStamps {

    /** What a rendering was made from: the thread's stamp and the site-wide one. */
    record Stamp(long articleId, long thread, long site) {}

    private static final String BY_SLUG =
            "select a.id, a.thread_stamp, p.stamp from article a, page_stamp p" + " where a.slug = ? and p.id = 1";

    private static final String BY_ID =
            "select a.id, a.thread_stamp, p.stamp from article a, page_stamp p" + " where a.id = ? and p.id = 1";

    @Inject
    AgroalDataSource database;

    /** The stamps of the thread with this slug; empty when there is no such thread. */
    Optional<Stamp> bySlug(String slug) throws SQLException {
        return read(BY_SLUG, slug);
    }

    /** The stamps of the thread now; empty when it was deleted. */
    Optional<Stamp> current(Stamp earlier) throws SQLException {
        return read(BY_ID, earlier.articleId());
    }

    private Optional<Stamp> read(String sql, Object key) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new Stamp(row.getLong(1), row.getLong(2), row.getLong(3)))
                        : Optional.empty();
            }
        }
    }
}
