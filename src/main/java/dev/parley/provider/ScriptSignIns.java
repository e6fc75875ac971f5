package dev.parley.provider;

import dev.parley.identity.ReaderIdentity;
import dev.parley.identity.SessionService;
import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hands a sign-in over to the script tag (embed.js). The host page's script cannot send Parley's session cookie
 * (browsers block third-party cookies), so at the end of a sign-in Parley sends the reader back to the page with a
 * one-time code in the fragment, and the script exchanges it for a session token of its own. The code alone is
 * not enough: the exchange also needs the nonce the script kept in the page when the sign-in started (a code
 * read from the address bar, a history entry or an analytics report is useless elsewhere), and an Origin of the
 * page the reader came back to. Single use, and good for {@link #VALID_FOR} only.
 */
@ApplicationScoped
public class ScriptSignIns {

    static final Duration VALID_FOR = Duration.ofMinutes(2);

    /** The shape of the script's nonce and of a code: URL-safe random tokens. */
    public static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    /** What the script gets: the reader's session token and, when they had typed one, their draft. */
    public record HandedOver(String readerToken, Optional<Drafts.Draft> draft) {}

    @Inject
    SessionService sessions;

    @Inject
    Drafts drafts;

    /**
     * Keeps the sign-in for the script and returns the code for the page address's fragment.
     *
     * @param draftToken the draft cookie's value, or {@code null}
     */
    @Transactional
    public String issue(ReaderIdentity reader, String origin, String nonce, String draftToken, String providerLogout) {
        Instant now = Instant.now();
        ScriptSignIn.delete("expiresAt < ?1", now);
        String code = Tokens.random(32);
        ScriptSignIn waiting = new ScriptSignIn();
        waiting.codeHash = Tokens.sha256(code);
        waiting.identityId = reader.id;
        waiting.origin = origin;
        waiting.nonceHash = Tokens.sha256(nonce);
        waiting.draftHash = draftToken == null || draftToken.isBlank() ? null : Tokens.sha256(draftToken);
        waiting.providerLogout = providerLogout;
        waiting.expiresAt = now.plus(VALID_FOR);
        waiting.persist();
        return code;
    }

    /**
     * Exchanges the code, once: a session for the reader, started now. Any mismatch (unknown, used, expired,
     * another nonce, another origin) uses the code up, so that nobody can try a second guess at the nonce.
     */
    @Transactional
    public Optional<HandedOver> redeem(String code, String nonce, String origin) {
        if (code == null
                || nonce == null
                || origin == null
                || !TOKEN_SHAPE.matcher(code).matches()) {
            return Optional.empty();
        }
        ScriptSignIn waiting = ScriptSignIn.findById(Tokens.sha256(code));
        if (waiting == null) {
            return Optional.empty();
        }
        waiting.delete();
        if (waiting.expiresAt.isBefore(Instant.now())
                || !waiting.nonceHash.equals(Tokens.sha256(nonce))
                || !waiting.origin.equals(origin)) {
            return Optional.empty();
        }
        ReaderIdentity reader = ReaderIdentity.findById(waiting.identityId);
        if (reader == null) {
            return Optional.empty();
        }
        String token = sessions.start(reader, waiting.providerLogout);
        return Optional.of(new HandedOver(
                token, waiting.draftHash == null ? Optional.empty() : drafts.takeBackByHash(waiting.draftHash)));
    }
}
