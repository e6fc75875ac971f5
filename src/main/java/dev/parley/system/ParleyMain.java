package dev.parley.system;

import dev.parley.web.PathPrefix;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Parley's entry point. Before anything starts, it checks that the ports Parley will listen on are free: the
 * database migration, the generated keys and the owner from {@code PARLEY_ADMIN_*} are all written during start-up,
 * and a start that is bound to fail (another program on port 8080, a path prefix that is not a path) must leave
 * the data folder as it found it.
 */
@QuarkusMain
public class ParleyMain {

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            String refused = malformedPrefix();
            String taken = refused != null ? refused : takenPort();
            if (taken != null) {
                System.err.println(taken);
                System.exit(1);
            }
        }
        if (ConfigProvider.getConfig()
                .getOptionalValue(TrainingRun.PROPERTY, Boolean.class)
                .orElse(false)) {
            Quarkus.run(TrainingRun.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    /** A message saying why {@code PARLEY_PATH_PREFIX} is not a path, or null when it is one (or unset). */
    private static String malformedPrefix() {
        String configured = ConfigProvider.getConfig()
                .getOptionalValue("parley.path-prefix", String.class)
                .orElse("");
        try {
            PathPrefix.parse(configured);
            return null;
        } catch (IllegalArgumentException e) {
            return "Parley did not start: " + e.getMessage() + " Nothing was written to the data folder.";
        }
    }

    /** A message naming the first port that is already in use, or null when both are free. */
    private static String takenPort() {
        Config config = ConfigProvider.getConfig();
        String http = check(config, "quarkus.http.host", "quarkus.http.port", "QUARKUS_HTTP_PORT");
        return http != null
                ? http
                : check(config, "quarkus.management.host", "quarkus.management.port", "PARLEY_MANAGEMENT_PORT");
    }

    private static String check(Config config, String hostProperty, String portProperty, String variable) {
        String host = config.getOptionalValue(hostProperty, String.class).orElse("0.0.0.0");
        int port = config.getOptionalValue(portProperty, Integer.class).orElse(0);
        if (port <= 0) {
            return null;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException e) {
            return "Parley did not start: port " + port + " on " + host + " is already in use (" + e.getMessage()
                    + "). Stop the program that uses it, or choose another port with " + variable
                    + ". Nothing was written to the data folder.";
        }
    }
}
