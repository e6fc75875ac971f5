import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Adds to a freshly migrated Parley H2 database the two threads the page benchmarks read: one Parley article and
 * one registered site with a host page's thread (issue 7's embed fragment), each with the same 200 approved,
 * threaded comments of realistic length (300 to 1,000 characters, about one in six in a non-Latin script).
 *
 * <pre>
 * java -cp h2.jar bench/SeedThreads.java &lt;jdbc-url&gt; [comments=200]
 * </pre>
 *
 * <p>The app must be stopped (embedded H2 allows one process per file). The comments form 40 top-level threads
 * (the default page shows 50 top-level comments, so all of them are on the first page) whose replies go up to eight
 * levels deep, deeper than the default thread depth of 5, as real discussions do. Everything is generated from a
 * fixed random seed, so every run has the same text. Run it before {@code SeedQueue} when both are used: this
 * seeder's addresses ({@code @example.net}) are not the ones SeedQueue checks for.
 *
 * <p>Prints, on stdout, {@code key=value} lines the benchmark scripts read.
 */
public class SeedThreads {

    static final String ARTICLE_SLUG = "bench-thread";
    static final String SITE_ORIGIN = "https://blog.example.org";
    static final String PAGE_URL = SITE_ORIGIN + "/2026/11/what-the-river-taught-our-town/";
    static final String TITLE = "What the river taught our town";

    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: java -cp h2.jar bench/SeedThreads.java <jdbc-url> [comments]");
            System.exit(2);
        }
        int comments = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        OffsetDateTime published = now.minusDays(3);
        try (Connection db = DriverManager.getConnection(args[0], "sa", "")) {
            db.setAutoCommit(false);
            long article = insertArticle(db, ARTICLE_SLUG, TITLE, articleBody(), published, null, null, null);

            long site;
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into site (name, origins, kept_query_params, trailing_slash, same_page_any_scheme,"
                            + " created_at) values (?, ?, '', 'KEEP', true, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "Benchmark blog");
                insert.setString(2, SITE_ORIGIN);
                insert.setObject(3, published);
                insert.executeUpdate();
                site = generatedId(insert);
            }
            // As the app makes a host page's thread (PageThreads): found by "url:" + the page's canonical address,
            // its slug a hash of the site and that key. The address is already canonical (https, lower-case host,
            // no default port, trailing slash kept).
            String key = "url:" + PAGE_URL;
            String embedSlug = "p-" + sha256(site + "\n" + key).substring(0, 20);
            long embed = insertArticle(db, embedSlug, TITLE, "", published, site, PAGE_URL, key);

            insertComments(db, article, comments, published);
            insertComments(db, embed, comments, published);
            db.commit();

            System.out.println("article.slug=" + ARTICLE_SLUG);
            System.out.println("article.comments=" + count(db, article));
            System.out.println("embed.origin=" + SITE_ORIGIN);
            System.out.println("embed.page=" + PAGE_URL);
            System.out.println("embed.slug=" + embedSlug);
            System.out.println("embed.comments=" + count(db, embed));
        }
    }

    static long insertArticle(Connection db, String slug, String title, String body, OffsetDateTime at,
            Long site, String pageUrl, String pageKey) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into article (slug, title, body, body_format, status, comments_open, comments_always_open,
                                     published_at, created_at, updated_at, site_id, page_url, page_key)
                values (?, ?, ?, 'PLAIN', 'PUBLISHED', true, true, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, slug);
            insert.setString(2, title);
            insert.setString(3, body);
            insert.setObject(4, at);
            insert.setObject(5, at);
            insert.setObject(6, at);
            insert.setObject(7, site);
            insert.setString(8, pageUrl);
            insert.setString(9, pageKey);
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    /**
     * The same discussion under each thread: every fifth comment starts a new thread, the others answer a recent
     * comment of the current thread (most often the latest, which makes long chains).
     */
    static void insertComments(Connection db, long article, int comments, OffsetDateTime from) throws SQLException {
        Random random = new Random(13);
        List<long[]> thread = new ArrayList<>(); // {id, depth} of the current top-level thread's comments
        try (PreparedStatement insert = db.prepareStatement("""
                insert into comment (article_id, parent_id, status, author_name, author_email, author_url, body,
                                     author_ip, user_agent, created_at, decided_at, body_hash, by_staff, version)
                values (?, ?, 'APPROVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < comments; i++) {
                Long parent = null;
                long depth = 1;
                if (i % 5 == 0) {
                    thread.clear();
                } else {
                    int back = Math.min(thread.size(), random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 1);
                    long[] answered = thread.get(thread.size() - back);
                    if (answered[1] >= 8) { // no deeper than eight levels: answer the thread's first comment
                        answered = thread.get(0);
                    }
                    parent = answered[0];
                    depth = answered[1] + 1;
                }
                int author = random.nextInt(AUTHORS.length);
                String body = body(random);
                OffsetDateTime at = from.plusMinutes(15L * i + random.nextInt(10));
                insert.setLong(1, article);
                insert.setObject(2, parent);
                insert.setString(3, AUTHORS[author]);
                insert.setString(4, "bench-author-" + author + "@example.net");
                insert.setString(5, author % 4 == 0 ? "https://example.net/~author" + author : null);
                insert.setString(6, body);
                insert.setString(7, "198.51.100." + (1 + author));
                insert.setString(8, "Mozilla/5.0 (X11; Linux x86_64; benchmark)");
                insert.setObject(9, at);
                insert.setObject(10, at.plusMinutes(5));
                insert.setString(11, sha256(body));
                insert.setBoolean(12, i % 23 == 7);
                insert.executeUpdate();
                thread.add(new long[] {generatedId(insert), depth});
            }
        }
    }

    /** 300 to 1,000 characters in one or more paragraphs; about one comment in six in another script. */
    static String body(Random random) {
        int target = 300 + random.nextInt(701);
        String[] sentences = random.nextInt(6) == 0 ? OTHER_SCRIPTS[random.nextInt(OTHER_SCRIPTS.length)] : ENGLISH;
        StringBuilder text = new StringBuilder();
        while (text.length() < target) {
            if (text.length() > 0) {
                text.append(random.nextInt(4) == 0 ? "\n\n" : " ");
            }
            text.append(sentences[random.nextInt(sentences.length)]);
            if (random.nextInt(40) == 0) {
                text.append(" https://example.net/notes/").append(random.nextInt(1000));
            }
        }
        return text.toString();
    }

    static String articleBody() {
        Random random = new Random(7);
        StringBuilder body = new StringBuilder();
        for (int paragraph = 0; paragraph < 8; paragraph++) {
            if (paragraph > 0) {
                body.append("\n\n");
            }
            for (int sentence = 0; sentence < 5; sentence++) {
                body.append(sentence > 0 ? " " : "").append(ENGLISH[random.nextInt(ENGLISH.length)]);
            }
        }
        return body.toString();
    }

    static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static long count(Connection db, long article) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "select count(*) from comment where article_id = ? and status = 'APPROVED'")) {
            q.setLong(1, article);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String[] AUTHORS = {
        "Alice Martin", "Bob K.", "Carla Ruiz", "Dmitri", "Emma Lindqvist", "Farid Haddad", "Greta", "Hiro Tanaka",
        "Ines Duarte", "Jonas W.", "Kemal Yıldız", "Lena Novak", "Mateo", "Nora O'Neill", "Oskar Ek", "Priya Raman",
        "Zoë Lefèvre", "Даша К.", "Олег Петров", "山田太郎", "さくら", "محمد علي", "Νίκος Π.", "김민준", "राहुल",
        "Sven", "Tanja Horvat", "Ugo Bianchi", "Wen Li", "Yusuf", "a_reader_from_the_north", "Old Timer",
    };

    static final String[] ENGLISH = {
        "I grew up two streets from the river, and nobody ever told us about the old mill race under the car park.",
        "The flood of 1968 is still the one my grandparents measure everything against.",
        "What strikes me is how quickly the council forgot the lessons of the last time.",
        "I read the whole piece twice, and I still cannot work out who is supposed to pay for the new embankment.",
        "The photographs of the footbridge are wonderful; I had no idea it was that old.",
        "My neighbour says the water came up through the floor, not under the door, which surprised everyone.",
        "Could you publish the figures from the survey? The summary leaves out the part about the north bank.",
        "This is exactly the kind of local reporting we need more of.",
        "I disagree with the idea that the allotments should go; they soak up more water than any wall would.",
        "We moved here in 2015 and the estate agent never mentioned any of this.",
        "Thank you for talking to the people at the boat club, they know the river better than any consultant.",
        "There is a map in the library from 1890 that shows the old channel, and it runs right through the school.",
        "The insurance question deserves an article of its own.",
        "I remember the sandbags along the high street and the smell afterwards, which nobody ever mentions.",
        "It is easy to blame the developers, but we all wanted the new houses when they were proposed.",
        "Does anyone know whether the meeting on Thursday is open to the public?",
        "My daughter did a school project on the weir last year and learned more than I ever knew.",
        "The article is fair, but the headline makes it sound worse than it is.",
        "Planting trees upstream sounds slow, but it is the only part of the plan that will still work in fifty years.",
        "I walked the towpath this morning and the new markers are already covered in moss.",
        "Somebody should ask why the gauges stopped reporting for three days in March.",
        "Good to see the council's answer quoted in full rather than summarised.",
        "The older residents I spoke to all said the same thing: the river always takes back what was its own.",
        "Fair point about the drains, although the drains are only half the story.",
    };

    static final String[][] OTHER_SCRIPTS = {
        { // Russian
            "Я вырос у этой реки, и каждую весну мы ждали, поднимется ли вода до моста.",
            "Спасибо за статью, но хотелось бы увидеть цифры по северному берегу.",
            "Мой дед рассказывал о наводнении так, будто это было вчера.",
            "Городской совет снова откладывает решение, и это уже никого не удивляет.",
            "Деревья вдоль берега делают больше, чем любая бетонная стена.",
        },
        { // Japanese
            "川のそばで育ったので、この記事はとても身近に感じました。",
            "堤防の工事費を誰が負担するのか、もう少し詳しく知りたいです。",
            "祖母は一九六八年の洪水のことを今でもよく話してくれます。",
            "写真がとても美しく、古い橋の歴史を初めて知りました。",
            "市の説明会は木曜日に公開で行われるのでしょうか。",
        },
        { // Arabic
            "نشأت بالقرب من هذا النهر، وكنا ننتظر كل ربيع لنرى إلى أين سيصل الماء.",
            "شكرا على هذا المقال، لكنني أود أن أرى الأرقام الخاصة بالضفة الشمالية.",
            "الأشجار على ضفاف النهر تفعل أكثر مما يفعله أي جدار.",
            "ما زال جدي يتحدث عن الفيضان وكأنه حدث بالأمس.",
        },
        { // Greek
            "Μεγάλωσα δίπλα σε αυτό το ποτάμι και κάθε άνοιξη περιμέναμε να δούμε πόσο θα ανέβει το νερό.",
            "Ευχαριστώ για το άρθρο, αλλά θα ήθελα να δω τα στοιχεία για τη βόρεια όχθη.",
            "Τα δέντρα στην όχθη κάνουν περισσότερα από οποιονδήποτε τοίχο.",
            "Το δημοτικό συμβούλιο αναβάλλει ξανά την απόφαση.",
        },
        { // Hindi, with an emoji or two
            "मैं इसी नदी के पास बड़ा हुआ, और हर वसंत हम देखते थे कि पानी कहाँ तक आएगा। 🌊",
            "लेख के लिए धन्यवाद, लेकिन उत्तरी किनारे के आँकड़े भी देखना चाहूँगा।",
            "किनारे के पेड़ किसी भी दीवार से ज़्यादा काम करते हैं। 🌳",
            "नगर परिषद ने फिर से फ़ैसला टाल दिया है।",
        },
    };
}
