package dev.parley.web;

import java.sql.SQLException;

/** Recognises a broken unique or foreign-key constraint however deeply the database's answer is wrapped. */
public final class Constraints {

    private Constraints() {}

    /** SQL state class 23 is "integrity constraint violation" in H2 and PostgreSQL alike. */
    public static boolean isViolation(Throwable error) {
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
