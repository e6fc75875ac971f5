package dev.parley.web;

import java.sql.SQLException;

/** Recognises a broken unique constraint however deeply the database's answer is wrapped. */
public final class Constraints {

    private Constraints() {}

    /** SQL state 23505 is "unique violation" in H2 and PostgreSQL alike. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
