package dev.parley.mail;

import dev.parley.web.PathPrefix;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Absolute links for mails, from {@code PARLEY_PUBLIC_URL} only. Never from the request that caused the mail:
 * a forged Host header would otherwise put someone else's address into a password-reset link.
 */
@ApplicationScoped
public class PublicLinks {

    @Inject
    MailSettings settings;

    /** The public address without a trailing slash, when it is set and is an http or https address. */
    public Optional<String> base() {
        return settings.publicUrl()
                .map(String::strip)
                .filter(PublicLinks::isWebAddress)
                .map(u -> {
                    String base = u.replaceAll("/+$", "");
                    // Written with the path prefix (https://blog.example/comments): the links below add it themselves.
                    String prefix = PathPrefix.current().value();
                    return !prefix.isEmpty() && base.endsWith(prefix)
                            ? base.substring(0, base.length() - prefix.length())
                            : base;
                });
    }

    /**
     * An absolute link to a page of Parley's.
     *
     * @param link a link as {@link dev.parley.web.Routes} gives it (with the path prefix)
     */
    public String absolute(String link) {
        return base().orElseThrow(() -> new IllegalStateException("PARLEY_PUBLIC_URL is not set")) + link;
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
