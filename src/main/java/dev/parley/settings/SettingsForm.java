package dev.parley.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Settings › Discussion as the owner typed it. Numbers arrive as text so that a typo comes back as typed. */
public class SettingsForm {

    @RestForm
    public String threadDepth;

    @RestForm
    public String publishPolicy;

    @RestForm
    public String requireNameEmail;

    @RestForm
    public String requireSignIn;

    @RestForm
    public String holdLinks;

    @RestForm
    public String moderationWords;

    @RestForm
    public String disallowedWords;

    @RestForm
    public String closeAfterDays;

    @RestForm
    public String commentsPerPage;

    @RestForm
    public String order;

    @RestForm
    public String floodSeconds;

    @RestForm
    public String minFormSeconds;

    @RestForm
    public String reportThreshold;

    @RestForm
    public String trashDays;

    @RestForm
    public String spamDays;

    @RestForm
    public String ipDays;

    /** Dry run only: how many recent comments to try the rules on. */
    @RestForm
    public String trialCount;

    static SettingsForm of(Discussion d) {
        SettingsForm form = new SettingsForm();
        form.threadDepth = String.valueOf(d.threadDepth());
        form.publishPolicy = d.publishPolicy().name();
        form.requireNameEmail = d.requireNameEmail() ? "yes" : null;
        form.requireSignIn = d.requireSignIn() ? "yes" : null;
        form.holdLinks = String.valueOf(d.holdLinks());
        form.moderationWords = d.moderationWords();
        form.disallowedWords = d.disallowedWords();
        form.closeAfterDays = String.valueOf(d.closeAfterDays());
        form.commentsPerPage = String.valueOf(d.commentsPerPage());
        form.order = d.newestFirst() ? "newest" : "oldest";
        form.floodSeconds = String.valueOf(d.floodSeconds());
        form.minFormSeconds = String.valueOf(d.minFormSeconds());
        form.reportThreshold = String.valueOf(d.reportThreshold());
        form.trashDays = String.valueOf(d.trashDays());
        form.spamDays = String.valueOf(d.spamDays());
        form.ipDays = String.valueOf(d.ipDays());
        form.trialCount = String.valueOf(SettingsService.DEFAULT_TRIAL);
        return form;
    }

    /** What the form shows again: every value as typed. */
    Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("threadDepth", threadDepth);
        values.put("publishPolicy", publishPolicy);
        values.put("requireNameEmail", requireNameEmail);
        values.put("requireSignIn", requireSignIn);
        values.put("holdLinks", holdLinks);
        values.put("moderationWords", moderationWords);
        values.put("disallowedWords", disallowedWords);
        values.put("closeAfterDays", closeAfterDays);
        values.put("commentsPerPage", commentsPerPage);
        values.put("order", order);
        values.put("floodSeconds", floodSeconds);
        values.put("minFormSeconds", minFormSeconds);
        values.put("reportThreshold", reportThreshold);
        values.put("trashDays", trashDays);
        values.put("spamDays", spamDays);
        values.put("ipDays", ipDays);
        values.put("trialCount", trialCount == null ? String.valueOf(SettingsService.DEFAULT_TRIAL) : trialCount);
        return values;
    }

    /** Reads the form; each faulty field gets its message in {@code errors}. */
    Discussion read(Map<String, String> errors) {
        Numbers n = new Numbers(errors);
        int depth = n.read(
                "threadDepth", threadDepth, DiscussionSettings.MIN_THREAD_DEPTH, DiscussionSettings.MAX_THREAD_DEPTH);
        PublishPolicy policy = null;
        try {
            policy = PublishPolicy.valueOf(
                    publishPolicy == null ? "" : publishPolicy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.put("publishPolicy", "Choose when comments appear.");
        }
        String moderation = words("moderationWords", moderationWords, errors);
        String disallowed = words("disallowedWords", disallowedWords, errors);
        if (order != null && !order.isBlank() && !order.equals("oldest") && !order.equals("newest")) {
            errors.put("order", "Choose oldest or newest first.");
        }
        return new Discussion(
                depth,
                policy,
                checked(requireNameEmail),
                checked(requireSignIn),
                n.read("holdLinks", holdLinks, 0, 100),
                moderation,
                disallowed,
                n.read("closeAfterDays", closeAfterDays, 0, 36500),
                n.read("commentsPerPage", commentsPerPage, 0, 1000),
                "newest".equals(order),
                n.read("floodSeconds", floodSeconds, 0, 3600),
                n.read("minFormSeconds", minFormSeconds, 0, 600),
                n.read("reportThreshold", reportThreshold, 0, 1000),
                n.read("trashDays", trashDays, 1, 3650),
                n.read("spamDays", spamDays, 1, 3650),
                n.read("ipDays", ipDays, 1, 3650));
    }

    int trialCount(Map<String, String> errors) {
        return new Numbers(errors).read("trialCount", trialCount, 1, SettingsService.MAX_TRIAL);
    }

    private static boolean checked(String box) {
        return box != null && !box.isBlank();
    }

    private static String words(String field, String text, Map<String, String> errors) {
        String value = text == null
                ? ""
                : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (value.length() > DiscussionSettings.MAX_WORDS) {
            errors.put(field, "This list can have at most 20,000 characters.");
        }
        return value;
    }

    /** Whole numbers in a range; a faulty one gets "Enter a whole number from 0 to 100." */
    private record Numbers(Map<String, String> errors) {
        int read(String field, String typed, int min, int max) {
            try {
                int value = Integer.parseInt(typed == null ? "" : typed.strip());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            errors.put(field, "Enter a whole number from " + min + " to " + max + ".");
            return min;
        }
    }
}
