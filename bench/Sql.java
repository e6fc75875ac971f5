import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * One SQL statement for the benchmarks, through the app's own JDBC driver (no database client needed):
 * {@code java -cp <driver jar> bench/Sql.java <jdbc-url> <user> <sql>}. Prints the first column of the first
 * row of a query; runs anything else (e.g. CREATE DATABASE) as an update. The password, if any, is read from
 * the environment variable BENCH_DB_PASSWORD.
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(args[0], args[1], password);
                Statement statement = connection.createStatement()) {
            if (statement.execute(args[2])) {
                try (ResultSet rows = statement.getResultSet()) {
                    System.out.println(rows.next() ? rows.getString(1) : "");
                }
            }
        }
    }
}
