package dev.parley.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database an integration test runs the packaged application on, of the kind the build was made for
 * ({@code parley.it.database}: {@code h2}, or {@code postgresql} with {@code -Ppostgresql}). On PostgreSQL
 * each test gets its own new, empty database next to {@code test} (dropped afterwards); on H2, a file in the
 * test's folder. An unreachable PostgreSQL fails the test: it is never skipped.
 */
public final class ItDatabase implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final String adminUrl;
    private final String name;
    /** The application's own default database (the H2 file in its data folder): nothing to set. */
    private final boolean applicationDefault;

    private ItDatabase(String jdbcUrl, String user, String adminUrl, String name, boolean applicationDefault) {
        this.applicationDefault = applicationDefault;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty("parley.it.database", "h2"));
    }

    /**
     * A new empty database. On H2 the file is opened in mixed mode ({@code AUTO_SERVER}), so that several
     * instances and this test can use it at once.
     */
    public static ItDatabase fresh(Path folder) {
        if (!isPostgresql()) {
            String url = "jdbc:h2:file:" + folder.toAbsolutePath() + "/shared;AUTO_SERVER=TRUE;WRITE_DELAY=0";
            return new ItDatabase(url, "sa", null, null, false);
        }
        String admin =
                System.getProperty("parley.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String name =
                "parley_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "create database " + name);
        String url = admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new ItDatabase(url.replaceFirst("\\?.*$", ""), userOf(admin), admin, name, false);
    }

    /**
     * The database of a single instance as a site owner runs it: on H2 the default file in its data folder
     * (readable here only while the application is stopped), on PostgreSQL a new database.
     */
    public static ItDatabase forOneInstance(Path dataDir) {
        if (isPostgresql()) {
            return fresh(dataDir.getParent());
        }
        return new ItDatabase("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/parley", "sa", null, null, true);
    }

    /** A database a test started itself (it drops nothing when closed). */
    public static ItDatabase at(String jdbcUrl, String user) {
        return new ItDatabase(jdbcUrl, user, null, null, false);
    }

    /** The variables that point Parley at this database. */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        if (applicationDefault) {
            return environment;
        }
        environment.put("PARLEY_DB_URL", jdbcUrl);
        environment.put("PARLEY_DB_USER", user);
        return environment;
    }

    /** How many comments have exactly this text. */
    public long commentsWithBody(String body) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement query = connection.prepareStatement("select count(*) from comment where body = ?")) {
            query.setString(1, body);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (name != null) {
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
    }

    private static String userOf(String url) {
        int at = url.indexOf("user=");
        return at < 0 ? "postgres" : url.substring(at + 5).replaceFirst("&.*$", "");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            fail("PostgreSQL is needed for this test and could not be used at " + url + ": " + e.getMessage());
        }
    }
}
