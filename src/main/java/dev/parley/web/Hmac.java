package dev.parley.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one implementation: signatures of values Parley hands out and must recognise when they
 * come back, keyed hashes of session tokens, and purpose-bound keys derived from a deployment key.
 */
public final class Hmac {

    private Hmac() {}

    /** The signature of {@code message} under {@code key}, in hex (URL- and cookie-safe). */
    public static String sign(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, so that a forger learns nothing from how long a refusal takes. */
    public static boolean matches(String key, String message, String signature) {
        return signature != null
                && java.security.MessageDigest.isEqual(
                        sign(key, message).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
    }
}
