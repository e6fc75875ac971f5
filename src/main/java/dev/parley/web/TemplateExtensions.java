package dev.parley.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formatting for templates, so that pages hold no formatting logic. */
@TemplateExtension
public final class TemplateExtensions {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private TemplateExtensions() {}

    /** "24 November 2026 at 20:51", in the site's time zone. */
    public static String readable(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(SiteTimeZone.zone());
        return local.format(DATE) + " at " + local.format(TIME);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : ISO.format(instant);
    }

    /** Someone's words inside a page title or a label, where {@code <bdi>} cannot go: see {@link Bidi}. */
    static String isolated(String words) {
        return Bidi.isolate(words);
    }

    static String plural(int count, String singular, String plural) {
        return plural((long) count, singular, plural);
    }

    /** "1 comment", "3 comments". */
    static String plural(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
