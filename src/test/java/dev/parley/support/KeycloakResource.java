package dev.parley.support;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build into
 * {@code target/keycloak}) started on a free loopback port with the realms of {@code docker/keycloak/}.
 * Passwords and the client secret are random for each run and handed to the realm file through the
 * environment, so none is written in the repository.
 *
 * <p>One Keycloak serves every test class of a test JVM: the first class that needs it starts it, and it stops
 * when the JVM ends. Each start takes half a minute, and the classes share nothing in it that one of them
 * changes (each signs in with a browser or cookie jar of its own). Its address and secrets are kept in a system
 * property, because Quarkus loads this class anew, with empty fields, for each test class it restarts for.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "parley";
    public static final String CLIENT_ID = "parley";

    private static volatile String url;
    private static volatile String clientSecret;
    private static volatile String readerPassword;
    private static volatile String staffPassword;
    private static volatile String socialPassword;

    /** The running Keycloak of this JVM: its process id, address, client secret and the three passwords. */
    private static final String RUNNING = "parley.test.keycloak";

    public static String issuer() {
        return url + "/realms/" + REALM;
    }

    /**
     * Registers this Keycloak as a login provider named "Keycloak", as the owner would in Admin › Login providers.
     *
     * @param publishDirectly whether readers signed in with it are published without moderation
     */
    public static long registerWith(dev.parley.provider.ProviderAdminService providers, boolean publishDirectly) {
        return providers.add(
                dev.parley.provider.ProviderKind.KEYCLOAK,
                "Keycloak",
                issuer(),
                CLIENT_ID,
                clientSecret(),
                null,
                publishDirectly);
    }

    public static String clientSecret() {
        return clientSecret;
    }

    public static String readerPassword() {
        return readerPassword;
    }

    public static String staffPassword() {
        return staffPassword;
    }

    /** Sofia's password in the "social" realm, which the parley realm brokers under the alias "social". */
    public static String socialPassword() {
        return socialPassword;
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of();
    }

    /** Nothing: the next test class of this JVM uses the same Keycloak (see the class comment). */
    @Override
    public void stop() {}

    private static synchronized void startOnce() {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            String[] kept = running.split(" ");
            if (ProcessHandle.of(Long.parseLong(kept[0]))
                    .filter(ProcessHandle::isAlive)
                    .isPresent()) {
                url = kept[1];
                clientSecret = kept[2];
                readerPassword = kept[3];
                staffPassword = kept[4];
                socialPassword = kept[5];
                return;
            }
        }
        Path home = Path.of(System.getProperty("parley.keycloak.home", "target/keycloak/keycloak-26.5.6"));
        Path realms = Path.of(System.getProperty("parley.keycloak.realms", "docker/keycloak"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "Keycloak is not unpacked at " + home + ": run the tests with ./mvnw verify");
        }
        int port = Ports.free();
        url = "http://127.0.0.1:" + port;
        clientSecret = random();
        readerPassword = random();
        staffPassword = random();
        socialPassword = random();
        Process process;
        try {
            Path data = home.resolve("data");
            deleteRecursively(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            try (Stream<Path> files = Files.list(realms)) {
                for (Path realm :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(realm, imports.resolve(realm.getFileName()));
                }
            }
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--http-host=127.0.0.1",
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "keycloak.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.put("PARLEY_KC_CLIENT_SECRET", clientSecret);
            environment.put("PARLEY_KC_READER_PASSWORD", readerPassword);
            environment.put("PARLEY_KC_STAFF_PASSWORD", staffPassword);
            environment.put("PARLEY_KC_REDIRECT_URIS", "*");
            environment.put("PARLEY_KC_URL", url);
            environment.put("PARLEY_KC_BROKER_SECRET", random());
            environment.put("PARLEY_KC_SOCIAL_PASSWORD", socialPassword);
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", random());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle keycloak = process.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
        }));
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !keycloak.isAlive() || answers(issuer() + "/.well-known/openid-configuration"));
        if (!keycloak.isAlive()) {
            throw new IllegalStateException("Keycloak stopped during start-up; see target/keycloak.log");
        }
        System.setProperty(
                RUNNING,
                String.join(
                        " ",
                        String.valueOf(keycloak.pid()),
                        url,
                        clientSecret,
                        readerPassword,
                        staffPassword,
                        socialPassword));
    }

    private static boolean answers(String address) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(address).toURL().openConnection();
            connection.setConnectTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
