import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills a freshly migrated Parley H2 database with a large moderation queue, using set-based SQL only
 * ({@code INSERT ... SELECT ... FROM SYSTEM_RANGE}): a million comments take about a minute and a half on two
 * cores.
 *
 * <pre>
 * java -cp h2.jar bench/SeedQueue.java &lt;jdbc-url&gt; [comments=1000000] [articles=1000]
 * </pre>
 *
 * <p>The app must be stopped (embedded H2 allows one process per file). Per 100 comments: 10 PENDING,
 * 4 SPAM, 1 TRASH, 85 APPROVED; about 1 in 200 approved comments has open reports. Authors come from
 * about 50,000 names, 50,000 email addresses ({@code reader<n>@example.org}) and 20,000 IPv4 addresses,
 * mixed independently of the status by multiplicative hashes, so every filter value has comments in
 * every tab. Creation times grow with the id over the last 365 days. About 200 comments (whatever the
 * total, so about 20 pending ones) contain the word {@value #RARE_WORD}.
 *
 * <p>Prints progress on stderr and, on stdout, {@code key=value} lines the benchmark uses as targets.
 */
public class SeedQueue {

    static final String RARE_WORD = "zyzzyva";
    static final long CHUNK = 100_000;

    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: java -cp h2.jar bench/SeedQueue.java <jdbc-url> [comments] [articles]");
            System.exit(2);
        }
        String url = args[0];
        long comments = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int articles = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        if (comments < 100 || articles < 1) {
            throw new IllegalArgumentException("need at least 100 comments and 1 article");
        }

        long started = System.nanoTime();
        // The app's datasource: user sa, empty password (application.properties).
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement sql = db.createStatement()) {
            db.setAutoCommit(true);
            long existing = single(sql, "select count(*) from comment where author_email like 'reader%@example.org'");
            if (existing > 0) {
                throw new IllegalStateException("the database is already seeded; start from a fresh data folder");
            }

            // --- Articles -------------------------------------------------------------------------------
            sql.executeUpdate("""
                    insert into article (slug, title, body, body_format, status, comments_open, comments_always_open,
                                         published_at, created_at, updated_at)
                    select 'bench-article-' || x,
                           'Benchmark article number ' || x,
                           'This is article ' || x || ' of the moderation benchmark. It has a plain text body.',
                           'PLAIN', 'PUBLISHED', true, false, t, t, t
                    from (select x, dateadd(minute, -mod(x * 7919, 576000), current_timestamp) t
                          from system_range(1, %d))
                    """.formatted(articles));
            long firstArticle = single(sql, "select min(id) from article where slug like 'bench-article-%'");
            progress(started, "inserted " + articles + " articles");

            // --- Comments, in chunks of CHUNK rows (one transaction each) ----------------------------
            // H2 updates ~15 indexes per inserted row, one row at a time: 8 minutes and an 8 GB file for a
            // million comments. So the comment table's own indexes (those of the migrations that no
            // constraint uses) are dropped first and created again afterwards, exactly as they were;
            // primary key, unique constraints and foreign-key indexes stay.
            List<IndexDef> indexes = droppableIndexes(db);
            for (IndexDef index : indexes) {
                sql.execute("drop index \"" + index.name + "\"");
            }
            progress(started, "dropped " + indexes.size() + " indexes of comment for the bulk insert");
            long stepMillis = 365L * 24 * 3600 * 1000 / comments;
            String insert = commentInsert(firstArticle, articles, stepMillis, comments);
            try (PreparedStatement chunk = db.prepareStatement(insert)) {
                for (long from = 1; from <= comments; from += CHUNK) {
                    long to = Math.min(comments, from + CHUNK - 1);
                    chunk.setLong(1, from);
                    chunk.setLong(2, to);
                    chunk.executeUpdate();
                    progress(started, "inserted " + to + " comments");
                }
            }
            for (IndexDef index : indexes) {
                sql.execute(index.createSql());
                progress(started, "created index " + index.name);
            }
            List<IndexDef> recreated = droppableIndexes(db);
            if (!recreated.equals(indexes)) {
                throw new IllegalStateException("the indexes differ after re-creating them:\n" + indexes + "\n" + recreated);
            }

            // --- Reports of the reported comments ------------------------------------------------------
            sql.executeUpdate("""
                    insert into comment_report (comment_id, reason, reporter_key, reporter_ip, created_at)
                    select c.id,
                           array['Spam or advertising', 'Abusive or harassing', 'Hate speech', 'Off topic',
                                 'Personal information about someone', 'Something else'][mod(c.id + r.x, 6) + 1],
                           'bench-reporter-' || c.id || '-' || r.x,
                           '192.0.2.' || mod(c.id * 7 + r.x, 250),
                           dateadd(minute, (r.x - 1) * 37, c.reported_at)
                    from comment c join system_range(1, 3) r on r.x <= c.report_count
                    where c.reported_at is not null
                    """);
            progress(started, "inserted the reports");

            // Fresh statistics, so that H2's planner knows each index's selectivity.
            sql.execute("analyze sample_size 0");
            progress(started, "analyzed");

            Map<String, Object> facts = new LinkedHashMap<>();
            try (ResultSet rs = sql.executeQuery("select status, count(*) from comment group by status order by 1")) {
                while (rs.next()) {
                    facts.put("count." + rs.getString(1), rs.getLong(2));
                }
            }
            facts.put("count.REPORTED", single(sql, "select count(*) from comment where reported_at is not null"));
            facts.put("count.ALL", single(sql, "select count(*) from comment"));
            facts.put("distinct.author_name", single(sql, "select count(distinct author_name) from comment"));
            facts.put("distinct.author_email", single(sql, "select count(distinct author_email) from comment"));
            facts.put("distinct.author_ip", single(sql, "select count(distinct author_ip) from comment"));

            // Targets for the filtered pages: each is chosen so that the Pending tab shows matches.
            // reader123 has pending comments in the full-size seed; a small seed falls back to another reader.
            String email = "reader123@example.org";
            if (count(db, "author_email = ?", email) == 0) {
                email = text(sql, "select author_email from comment where status = 'PENDING'"
                        + " order by created_at desc, id desc fetch first 1 row only");
            }
            String ip = text(sql, "select author_ip from comment where status = 'PENDING'"
                    + " order by created_at desc, id desc fetch first 1 row only");
            String slug = text(sql, "select a.slug from comment c join article a on a.id = c.article_id"
                    + " where c.status = 'PENDING' order by c.created_at desc, c.id desc fetch first 1 row only");
            facts.put("target.email", email);
            facts.put("target.email.pending", count(db, "author_email = ?", email));
            facts.put("target.ip", ip);
            facts.put("target.ip.pending", count(db, "author_ip = ?", ip));
            facts.put("target.article", slug);
            facts.put("target.article.pending", count(db,
                    "article_id = (select id from article where slug = ?)", slug));
            // The comment the benchmark approves and unapproves between requests, so that H2 cannot answer
            // a repeated query from its cache of the last result: the oldest approved one, at the far end
            // of every tab, from none of the filtered author, address or article.
            facts.put("target.toggle", single(sql, "select c.id from comment c join article a on a.id = c.article_id"
                    + " where c.status = 'APPROVED' and c.reported_at is null and a.slug like 'bench-article-%'"
                    + " and c.author_email <> '" + email + "' and c.author_ip <> '" + ip + "' and a.slug <> '" + slug
                    + "' order by c.created_at, c.id fetch first 1 row only"));
            facts.put("target.word", RARE_WORD);
            facts.put("target.word.pending", count(db, "lower(body) like ?", "%" + RARE_WORD + "%"));

            // Rewrites the file without the space the bulk load left behind (H2 would reclaim it only
            // slowly while the app runs), so every run measures the same compact file. Closes the database.
            sql.execute("shutdown compact");
            progress(started, "compacted the database file");
            facts.put("seed.seconds", String.format("%.1f", (System.nanoTime() - started) / 1e9));
            facts.forEach((k, v) -> System.out.println(k + "=" + v));
        }
    }

    /** A plain or unique index: its name, and its columns as {@code NAME [DESC] [NULLS FIRST|LAST]}. */
    record IndexDef(String name, boolean unique, List<String> columns) {

        String createSql() {
            return "create " + (unique ? "unique " : "") + "index \"" + name + "\" on comment ("
                    + String.join(", ", columns) + ")";
        }
    }

    /** The indexes of table comment that are not the primary key and that no constraint uses, by name. */
    static List<IndexDef> droppableIndexes(Connection db) throws SQLException {
        Map<String, IndexDef> indexes = new TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                select i.index_name, i.index_type_name, c.column_name, c.ordering_specification, c.null_ordering
                from information_schema.indexes i
                join information_schema.index_columns c
                  on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = 'PUBLIC' and i.table_name = 'COMMENT'
                  and i.index_type_name in ('INDEX', 'UNIQUE INDEX') and not i.is_generated
                  and i.index_name not in (select index_name from information_schema.table_constraints
                                           where table_schema = 'PUBLIC' and index_name is not null)
                order by i.index_name, c.ordinal_position
                """);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                boolean descending = "DESC".equals(rs.getString(4));
                String nulls = rs.getString(5);
                // H2's default order is ascending with nulls first (descending: nulls last); other orders
                // are spelled out.
                boolean defaultNulls = nulls == null || descending == "LAST".equals(nulls);
                String column = "\"" + rs.getString(3) + "\"" + (descending ? " desc" : "")
                        + (defaultNulls ? "" : " nulls " + nulls.toLowerCase(Locale.ROOT));
                IndexDef index = indexes.get(name);
                if (index == null) {
                    index = new IndexDef(name, "UNIQUE INDEX".equals(rs.getString(2)), new ArrayList<>());
                    indexes.put(name, index);
                }
                index.columns().add(column);
            }
        }
        return List.copyOf(indexes.values());
    }

    /**
     * One chunk of comments, x from ?1 to ?2. Each property takes its own hash of x (a multiplication
     * modulo a prime), so author, article, IP address and words do not line up with the status (x mod 100).
     */
    static String commentInsert(long firstArticle, int articles, long stepMillis, long comments) {
        return """
                insert into comment (article_id, parent_id, status, author_name, author_email, author_url, body,
                                     author_ip, user_agent, created_at, decided_at, reasons, body_hash,
                                     reported_at, report_count, hidden_by_reports, by_staff, version)
                select %1$d + mod(ha, %2$d),
                       null,
                       st,
                       array['Alice', 'Bob', 'Carla', 'Dmitri', 'Emma', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas',
                             'Kemal', 'Lena', 'Mateo', 'Nora', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tanja',
                             'Ugo', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aaron', 'Bea', 'Chen', 'Dana',
                             'Elif', 'Finn', 'Gaia', 'Hugo', 'Ivy', 'Jamal', 'Kira', 'Luca', 'Mia', 'Nils',
                             'Olga', 'Pablo', 'Rhea', 'Sami', 'Theo', 'Uma', 'Viktor', 'Wanda', 'Yara', 'Zeno']
                             [mod(hn, 50) + 1]
                       || ' ' || char(65 + mod(hn / 50, 26)) || '. ' ||
                       array['Smith', 'Novak', 'Garcia', 'Müller', 'Rossi', 'Kowalski', 'Nguyen', 'Okafor', 'Silva',
                             'Jensen', 'Tanaka', 'Dubois', 'Ivanova', 'Kaya', 'Larsen', 'Moreau', 'Nakamura',
                             'O''Brien', 'Petrov', 'Quinn', 'Richter', 'Santos', 'Schmidt', 'Toth', 'Usman',
                             'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann', 'Andersson', 'Bauer', 'Costa',
                             'Diallo', 'Eriksen', 'Fischer', 'Horvat', 'Ito', 'Kim', 'Lopez']
                             [mod(hn / 1300, 40) + 1],
                       'reader' || mod(he, 50000) || '@example.org',
                       case when mod(he, 10) = 0 then 'https://example.org/~reader' || mod(he, 50000) end,
                       body,
                       mod(ip, 223) + 1 || '.' || mod(ip / 223, 256) || '.' || mod(ip * 7, 256) || '.'
                           || (mod(ip * 13, 254) + 1),
                       'Mozilla/5.0 (benchmark; ' || mod(hi, 40) || ')',
                       created_at,
                       case when st <> 'PENDING' then dateadd(minute, mod(x, 720) + 5, created_at) end,
                       case when st = 'SPAM' then 'Contains a disallowed word'
                            when st = 'PENDING' and mod(hw, 3) = 0 then 'Has 2 or more links' end,
                       rawtohex(hash('SHA-256', body)),
                       case when rep then dateadd(hour, mod(x, 48) + 1, created_at) end,
                       case when rep then mod(x, 3) + 1 else 0 end,
                       rep and mod(x, 3) = 2,
                       false,
                       0
                from (select x, ha, hn, he, hi, mod(hi, 20000) as ip, hw, st, rep, created_at,
                             array['Great article, thanks for writing it.', 'I am not sure I agree with this.',
                                   'This reminds me of something I read last year.', 'Interesting point!',
                                   'Could you explain the second part again?', 'Finally someone says it.',
                                   'I tried this at home and it worked.', 'Hmm.', 'Well written, as always.',
                                   'This is wrong on so many levels.', 'Bookmarked for later.',
                                   'My grandmother used to say the same.', 'Any sources for this?',
                                   'First time commenting here.', 'Long time reader.', 'Thank you!',
                                   'I disagree, respectfully.', 'What about the other side of the story?',
                                   'This made my day.', 'Not convinced.'][mod(hw, 20) + 1]
                             || ' ' ||
                             array['The part about the garden was the best.', 'My cat walked over the keyboard while I read it.',
                                   'We had the same problem in our town.', 'The numbers do not add up for me.',
                                   'I would love a follow-up on the budget.', 'The photos were lovely.',
                                   'It took me three tries to get the recipe right.', 'The old bridge deserves better.',
                                   'Our school tried this in 2019.', 'The bus schedule changed again.',
                                   'Please write more about the library.', 'The weather has been strange lately.',
                                   'My neighbour disagrees completely.', 'The museum is open on Sundays now.',
                                   'The market moved to the square.', 'Coffee prices are up again.',
                                   'The council meeting was chaotic.', 'My kids loved the festival.',
                                   'The new cycle lane is a mess.', 'The river looked beautiful this spring.']
                                   [mod(hw / 20, 20) + 1]
                             || case when mod(hq, %5$d) = 0 then ' Also: %4$s.' else '' end
                             || ' (' || mod(hw / 400, 997) || ')' as body
                      from (select x,
                                   cast(mod(x * 2654435761, 4294967291) as bigint) as ha,
                                   cast(mod(x * 2246822519, 4294967279) as bigint) as hn,
                                   cast(mod(x * 3266489917, 4294967231) as bigint) as he,
                                   cast(mod(x * 668265263, 4294967197) as bigint) as hi,
                                   cast(mod(x * 374761393, 4294967189) as bigint) as hw,
                                   cast(mod(x * 2869860233, 4294967161) as bigint) as hq,
                                   case when mod(x, 10) = 0 then 'PENDING'
                                        when mod(x, 100) in (1, 11, 21, 31) then 'SPAM'
                                        when mod(x, 100) = 3 then 'TRASH'
                                        else 'APPROVED' end as st,
                                   mod(x, 10) <> 0 and mod(x, 100) not in (1, 3, 11, 21, 31)
                                       and mod(mod(x * 3432918353, 4294967143), 200) = 0 as rep,
                                   dateadd(millisecond, x * %3$d, current_timestamp - interval '365' day) as created_at
                            from system_range(?, ?)))
                """.formatted(firstArticle, articles, stepMillis, RARE_WORD, Math.max(1, comments / 200));
    }

    static long count(Connection db, String where, String value) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "select count(*) from comment where status = 'PENDING' and " + where)) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void progress(long started, String what) {
        System.err.printf("  [%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }
}
