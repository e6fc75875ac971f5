package dev.parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parley's static files (stylesheets, scripts, the icon), read once into memory with a fingerprint of their
 * bytes. Pages link them at {@code /assets/<fingerprint>/css/parley.css}: an address whose content never
 * changes, so browsers and CDNs may keep it for a year, and a new release, whose files differ, links new
 * addresses. The plain addresses ({@code /css/parley.css}, {@code /embed.js}) stay for what cannot carry a
 * fingerprint: the script tag host sites copy once. Both are answered by {@link AssetResource}.
 */
public final class Assets {

    /**
     * The files' folder on the class path. Not META-INF/resources: Quarkus would serve them there itself, and
     * Vert.x marks every static file {@code immutable}, which a plain address that changes with a release is not.
     */
    private static final String ROOT = "assets";

    /** Every static file, by its path inside Parley: a file added to the folder belongs here ({@code AssetsTest}). */
    static final List<String> PATHS =
            List.of("/css/parley.css", "/css/embed.css", "/js/confirm.js", "/js/queue.js", "/embed.js", "/favicon.svg");

    /** 48 bits of SHA-256: a release changing a file and landing on its old fingerprint is not a real risk. */
    static final int FINGERPRINT_LENGTH = 12;

    /** One static file: its bytes, their fingerprint and the type they are answered with. */
    public record Asset(String path, byte[] bytes, String fingerprint, String contentType) {}

    /** Loaded with the class, on the first page rendered or at start ({@link AssetResource}), never again. */
    private static final Map<String, Asset> BY_PATH =
            PATHS.stream().map(Assets::load).collect(Collectors.toUnmodifiableMap(Asset::path, Function.identity()));

    private Assets() {}

    /** The file at a path inside Parley ({@code /css/parley.css}), or null when Parley has no such file. */
    public static Asset find(String path) {
        return BY_PATH.get(path);
    }

    /**
     * The fingerprinted path inside Parley of a static file: {@code /assets/3f2a…/css/parley.css}.
     *
     * @throws IllegalArgumentException for a file Parley does not have (a mistyped link in a template)
     */
    public static String fingerprinted(String path) {
        Asset asset = BY_PATH.get(path);
        if (asset == null) {
            throw new IllegalArgumentException("No static file " + path + " (see Assets.PATHS)");
        }
        return "/assets/" + asset.fingerprint() + path;
    }

    private static Asset load(String path) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("Static file " + ROOT + path + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(path, bytes, fingerprint(bytes), contentType(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same types as Quarkus gives the plain addresses, each naming its charset (all are UTF-8 text). */
    private static String contentType(String path) {
        String charset = ";charset=" + StandardCharsets.UTF_8.name();
        if (path.endsWith(".css")) {
            return "text/css" + charset;
        }
        if (path.endsWith(".js")) {
            return "text/javascript" + charset;
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml" + charset;
        }
        throw new IllegalStateException("No content type known for " + path);
    }
}
