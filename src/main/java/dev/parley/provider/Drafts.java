package dev.parley.provider;

import dev.parley.web.Cookies;
import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps what a reader typed while they sign in with a provider, and gives it back on their return to the
 * article: nothing typed is lost by leaving the site. Drafts are taken back once and kept a day at most.
 */
@ApplicationScoped
public class Drafts {

    public static final String COOKIE = "parley_draft";
    static final Duration KEPT_FOR = Duration.ofDays(1);
    static final int MAX_BODY = 65525;

    public record Draft(Long parentId, String body) {}

    /** Stores the draft and returns the cookie that finds it again. */
    @Transactional
    public NewCookie keep(String articleSlug, Long parentId, String body, boolean secure) {
        ReplyDraft.delete("createdAt < ?1", Instant.now().minus(KEPT_FOR));
        String token = Tokens.random(24);
        ReplyDraft draft = new ReplyDraft();
        draft.tokenHash = Tokens.sha256(token);
        draft.articleSlug = articleSlug;
        draft.parentId = parentId;
        draft.body = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        draft.createdAt = Instant.now();
        draft.persist();
        return Cookies.httpOnly(COOKIE, token, (int) KEPT_FOR.toSeconds(), secure);
    }

    /** The draft for this article, removed from storage as it is handed back. */
    @Transactional
    public Optional<Draft> takeBack(String token, String articleSlug) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        ReplyDraft draft = ReplyDraft.findById(Tokens.sha256(token));
        if (draft == null || !draft.articleSlug.equals(articleSlug)) {
            return Optional.empty();
        }
        draft.delete();
        return Optional.of(new Draft(draft.parentId, draft.body));
    }

    /** The draft under this hash, removed as it is handed back (to the script tag, with a sign-in). */
    @Transactional
    public Optional<Draft> takeBackByHash(String tokenHash) {
        ReplyDraft draft = ReplyDraft.findById(tokenHash);
        if (draft == null || draft.createdAt.isBefore(Instant.now().minus(KEPT_FOR))) {
            return Optional.empty();
        }
        draft.delete();
        return Optional.of(new Draft(draft.parentId, draft.body));
    }
}
