import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The database's own share of a durable comment (issue 13, goal 4), for post-bench.sh: what inserting one comment
 * row and committing it costs the database alone, through plain JDBC on one connection: no HTTP, no Hibernate,
 * no rule, none of Parley's other statements. The floor under any posting path on this schema and machine.
 *
 * <pre>java -cp &lt;driver jar&gt;:&lt;app jar&gt; bench/InsertFloor.java &lt;jdbc-url&gt; &lt;user&gt; &lt;rows&gt; &lt;commit every&gt;</pre>
 *
 * The app's jar is on the class path because H2 runs Parley's triggers (pagecache/H2StampTriggers) on every
 * insert, as it does under the app. "Commit every 1" is a durable commit per comment, as Parley acknowledges
 * them; a larger number is the ideal group commit, several comments per commit. Prints one line of key=value:
 * rows per second on this one connection, and the CPU per row of this JVM's thread plus, on PostgreSQL, of the
 * server process serving the connection (read from /proc: the server must run on this machine).
 */
public class InsertFloor {

    private static final String INSERT = """
            insert into comment (article_id, parent_id, status, author_name, author_email, author_url, body,
                                 author_ip, user_agent, created_at, decided_at, body_hash, by_staff, version)
            values (?, null, 'PENDING', ?, ?, null, ?, ?, 'InsertFloor', ?, null, ?, false, 0)
            """;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int rows = Integer.parseInt(args[2]);
        int commitEvery = Integer.parseInt(args[3]);
        String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            long article = anyArticle(db);
            long server = url.startsWith("jdbc:postgresql:") ? serverPid(db) : -1;
            insert(db, article, rows / 2, commitEvery, "warm"); // the JIT compiler's share stays out of the figure
            var threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long serverCpu = server > 0 ? processCpuNanos(server) : 0;
            long began = System.nanoTime();
            insert(db, article, rows, commitEvery, "run");
            double seconds = (System.nanoTime() - began) / 1e9;
            double clientMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rows;
            double serverMs = server > 0 ? (processCpuNanos(server) - serverCpu) / 1e6 / rows : 0;
            System.out.printf(
                    Locale.ROOT,
                    "per_second=%.0f client_cpu_ms=%.3f server_cpu_ms=%.3f%n",
                    rows / seconds,
                    clientMs,
                    serverMs);
        }
    }

    private static void insert(Connection db, long article, int rows, int commitEvery, String run)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
            for (int i = 0; i < rows; i++) {
                String body = "Comment " + i + " of the " + run + " run: a few words, as a guest writes them.";
                insert.setLong(1, article);
                insert.setString(2, "Floor guest " + i);
                insert.setString(3, "floor-" + run + "-" + i + "@bench.example");
                insert.setString(4, body);
                insert.setString(5, "10.9." + (i / 250 % 250) + "." + (i % 250));
                insert.setObject(6, OffsetDateTime.now());
                insert.setString(7, String.format("%064x", (long) body.hashCode()));
                insert.executeUpdate();
                if ((i + 1) % commitEvery == 0) {
                    db.commit();
                }
            }
            db.commit();
        }
    }

    private static long anyArticle(Connection db) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery("select min(id) from article")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long serverPid(Connection db) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** utime + stime of a process on this machine, from /proc (fields 14 and 15, in clock ticks: getconf CLK_TCK). */
    private static long processCpuNanos(long pid) throws Exception {
        Path file = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(file)) {
            throw new IllegalStateException("PostgreSQL's server process " + pid + " is not on this machine: "
                    + "the floor reads its CPU time from /proc, so run it against a local server");
        }
        String stat = Files.readString(file);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / Long.getLong("clock.ticks", 100);
    }
}
