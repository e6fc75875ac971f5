package dev.parley.pagecache;

/**
 * Sees every SQL statement Hibernate prepares, after {@link LocalWrites} (Hibernate takes one statement inspector per
 * persistence unit, and that one is Parley's). A bean of this type is told of each statement; the tests count the
 * statements of a request with one.
 */
public interface StatementObserver {

    void prepared(String sql);
}
