package dev.parley.support;

import dev.parley.article.Article;
import dev.parley.article.BodyFormat;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.identity.Account;
import dev.parley.identity.AccountRole;
import dev.parley.identity.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the data a test needs, with unique names so that tests never depend on each other. */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicLong CLOCK =
            new AtomicLong(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());

    @Inject
    AccountService accounts;

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public Article article(String title) {
        Article article = new Article();
        article.title = title;
        article.slug = unique("article");
        article.body = "The body of " + title + ".";
        article.bodyFormat = BodyFormat.PLAIN;
        article.commentsOpen = true;
        Instant now = Instant.now();
        article.createdAt = now;
        article.updatedAt = now;
        article.publish(now);
        article.persist();
        return article;
    }

    @Transactional
    public void closeComments(Article article) {
        Article.<Article>findById(article.id).commentsOpen = false;
    }

    /** A comment stored directly, as if posted and decided earlier. */
    @Transactional
    public Comment comment(Article article, Long parentId, String author, String text, CommentStatus status) {
        Comment comment = new Comment();
        comment.article = Article.findById(article.id);
        comment.parentId = parentId;
        comment.status = status;
        comment.authorName = author;
        comment.authorEmail = author.toLowerCase().replace(' ', '.') + "@example.org";
        comment.body = text;
        // Strictly increasing times keep "oldest first" unambiguous.
        comment.createdAt = Instant.ofEpochMilli(CLOCK.addAndGet(1000));
        comment.persist();
        return comment;
    }

    @Transactional
    public CommentStatus statusOf(long commentId) {
        return Comment.<Comment>findById(commentId).status;
    }

    @Transactional
    public long commentsBy(String authorName) {
        return Comment.count("authorName", authorName);
    }

    /** The one comment by this author on this article (readers who sign in keep their name across tests). */
    @Transactional
    public Comment onlyCommentOn(Article article, String authorName) {
        return Comment.find("article.id = ?1 and authorName = ?2", article.id, authorName)
                .singleResult();
    }

    @Transactional
    public Comment onlyCommentBy(String authorName) {
        return Comment.find("authorName", authorName).singleResult();
    }

    public String owner() {
        return account(AccountRole.OWNER);
    }

    public String moderator() {
        return account(AccountRole.MODERATOR);
    }

    /** Creates an account and returns its email; its password is {@link #PASSWORD}. */
    public String account(AccountRole role) {
        // A site always has an owner before anyone else; without one, /login leads to the set-up page.
        if (role != AccountRole.OWNER && !accounts.ownerExists()) {
            account(AccountRole.OWNER);
        }
        String email = unique(role.name().toLowerCase()) + "@parley.test";
        accounts.create(email, role.label() + " " + email.substring(0, 12), PASSWORD, role);
        return email;
    }

    @Transactional
    public Account accountByEmail(String email) {
        return Account.findByEmail(email).orElseThrow();
    }
}
