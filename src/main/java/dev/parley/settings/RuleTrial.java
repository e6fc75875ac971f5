package dev.parley.settings;

import dev.parley.rules.RuleSet;
import java.util.List;

/**
 * "Try this rule": runs content rules over recent comments without changing anything. Implemented where
 * comments live; declared here so that the settings page can offer it without depending on them.
 */
public interface RuleTrial {

    TrialReport tryOn(RuleSet rules, int lastComments);

    /** How many comments were examined and those the rules would have caught, newest first. */
    record TrialReport(int examined, List<TrialOutcome> caught) {

        public long held() {
            return caught.stream().filter(c -> c.verdict().equals("Held")).count();
        }

        public long spam() {
            return caught.size() - held();
        }
    }

    /**
     * A recent comment the rules would have held or sent to spam.
     *
     * @param verdict "Held" or "Spam"
     * @param currentStatus what it is now ("approved", "pending"…)
     */
    record TrialOutcome(
            long commentId,
            String authorName,
            String excerpt,
            String articleTitle,
            String currentStatus,
            String verdict,
            String reasons) {}
}
