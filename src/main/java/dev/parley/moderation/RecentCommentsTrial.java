package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.rules.Finding;
import dev.parley.rules.RuleSet;
import dev.parley.rules.Submission;
import dev.parley.settings.RuleTrial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Try this rule" on the most recent comments, whatever their status. Reads only. */
@ApplicationScoped
public class RecentCommentsTrial implements RuleTrial {

    private static final int EXCERPT = 140;

    @Override
    @Transactional
    public TrialReport tryOn(RuleSet rules, int lastComments) {
        List<Comment> recent = Comment.getEntityManager()
                .createQuery(
                        "select c from Comment c join fetch c.article order by c.createdAt desc, c.id desc",
                        Comment.class)
                .setMaxResults(lastComments)
                .getResultList();
        List<TrialOutcome> caught = new ArrayList<>();
        for (Comment c : recent) {
            List<Finding> findings =
                    rules.check(new Submission(c.body, c.authorName, c.authorEmail, c.authorUrl, c.authorIp));
            if (findings.isEmpty()) {
                continue;
            }
            boolean spam = findings.stream().anyMatch(f -> f.severity() == Finding.Severity.SPAM);
            caught.add(new TrialOutcome(
                    c.id,
                    c.authorName,
                    c.body.length() <= EXCERPT ? c.body : c.body.substring(0, EXCERPT) + "…",
                    c.article.title,
                    c.status.name().toLowerCase(Locale.ROOT),
                    spam ? "Spam" : "Held",
                    String.join(
                            "; ",
                            findings.stream()
                                    .filter(f -> !spam || f.severity() == Finding.Severity.SPAM)
                                    .map(Finding::reason)
                                    .toList())));
        }
        return new TrialReport(recent.size(), caught);
    }
}
