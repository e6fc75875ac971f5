package dev.parley.settings;

import dev.parley.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;

/**
 * A read-only copy of the discussion settings, handed to other features and views.
 *
 * @param holdLinks hold comments with this many links or more; 0 switches the rule off
 * @param closeAfterDays close comments on articles older than this; 0 never closes
 * @param commentsPerPage top-level comments per page of a thread; 0 shows all on one page
 * @param floodSeconds one comment per IP address or email address per this many seconds; 0 switches it off
 * @param minFormSeconds a guest's comment sent sooner than this after the form was shown is held for a
 *     moderator (people paste too)
 * @param reportThreshold this many reports hide a comment until a moderator decides; 0 never hides
 * @param ipDays IP addresses are forgotten after this many days
 */
public record Discussion(
        int threadDepth,
        PublishPolicy publishPolicy,
        boolean requireNameEmail,
        boolean requireSignIn,
        int holdLinks,
        String moderationWords,
        String disallowedWords,
        int closeAfterDays,
        int commentsPerPage,
        boolean newestFirst,
        int floodSeconds,
        int minFormSeconds,
        int reportThreshold,
        int trashDays,
        int spamDays,
        int ipDays) {

    /** Whether replies nest under what they answer: at depth 1 every comment is a top-level thread of its own. */
    public boolean nestsReplies() {
        return threadDepth > 1;
    }

    public RuleSet rules() {
        return RuleSet.of(moderationWords, disallowedWords, holdLinks);
    }

    /** Whether an article published at this time is too old for comments (unless it is kept open). */
    public boolean isTooOld(Instant publishedAt, Instant now) {
        return closeAfterDays > 0
                && publishedAt != null
                && publishedAt.plus(Duration.ofDays(closeAfterDays)).isBefore(now);
    }

    /** The settings as lines of "name: value", for the audit log's before and after. */
    public String describe() {
        return String.join(
                "\n",
                "Nest replies: " + threadDepth + " levels",
                "Before a comment appears: " + publishPolicy.label(),
                "Guests must give name and email: " + yesNo(requireNameEmail),
                "Only signed-in readers may comment: " + yesNo(requireSignIn),
                "Hold comments with this many links: " + holdLinks,
                "Moderation words: " + oneLine(moderationWords),
                "Disallowed words: " + oneLine(disallowedWords),
                "Close comments after days: " + closeAfterDays,
                "Top-level comments per page: " + commentsPerPage,
                "Order: " + (newestFirst ? "newest first" : "oldest first"),
                "Flood interval (seconds): " + floodSeconds,
                "Minimum seconds to write a guest comment: " + minFormSeconds,
                "Reports that hide a comment: " + reportThreshold,
                "Empty trash after days: " + trashDays,
                "Empty spam after days: " + spamDays,
                "Keep IP addresses for days: " + ipDays);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String oneLine(String words) {
        return String.join(", ", RuleSet.lines(words));
    }
}
