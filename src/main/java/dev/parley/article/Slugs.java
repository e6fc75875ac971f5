package dev.parley.article;

import java.text.Normalizer;
import java.util.Locale;

/** Article addresses made from titles: "Héllo, World!" becomes "hello-world". */
final class Slugs {

    private Slugs() {}

    static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
