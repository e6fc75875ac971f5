package dev.parley.reply;

import dev.parley.web.Hmac;
import dev.parley.web.ReplyFormStamps;
import dev.parley.web.SharedRendering;
import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two hidden fields of the reply form ({@code inject:formStamp}): a random key that makes posting
 * idempotent (a resubmitted form finds the comment it already made), and the signed time the form was
 * shown, so that a guest's comment sent sooner than a person could type is recognised as a bot's.
 */
@ApplicationScoped
@Named("formStamp")
public class FormStamp implements ReplyFormStamps {

    static final String KEY_FIELD = "parley_key";
    static final String SHOWN_FIELD = "parley_shown";
    static final String HONEYPOT_FIELD = "parley_hp";

    private final String signingKey;

    @Inject
    FormStamp(@ConfigProperty(name = "parley.session-key") String sessionKey) {
        // A key of its own, derived, so that a stamp can never stand in for any other signed value.
        this.signingKey = Hmac.sign(sessionKey, "reply-form-stamp");
    }

    /** A new random key for each form shown. */
    @Override
    public String getKey() {
        if (SharedRendering.active()) {
            return SharedRendering.Hole.FORM_KEY.placeholder();
        }
        return Tokens.random(18);
    }

    /**
     * The commenter token for a browser that has none yet, made from the form's key: a form sent twice at
     * once (a double click) gives both answers the same token, so whichever cookie the browser keeps, it
     * sees the one comment they made. Signed, so that nobody can work a token out from a key.
     */
    String commenterToken(String requestKey) {
        return requestKey == null ? Tokens.random(24) : Hmac.sign(signingKey, "commenter:" + requestKey);
    }

    @Override
    public String getShown() {
        if (SharedRendering.active()) {
            return SharedRendering.Hole.FORM_SHOWN.placeholder();
        }
        return stamp(Instant.now());
    }

    /**
     * The time a form inside another site's page was shown, to the minute: one rendering of that fragment serves
     * every reader for a while, and a stamp that changed every second would change its ETag with it, so that
     * caches could never revalidate it. Such a form only ever looks older than it is.
     */
    @Override
    public String getSharedShown() {
        if (SharedRendering.active()) {
            return SharedRendering.Hole.SHARED_FORM_SHOWN.placeholder();
        }
        return stamp(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    String stamp(Instant shown) {
        long second = shown.getEpochSecond();
        Signed last = lastSigned;
        if (last != null && last.second == second) {
            return last.stamp;
        }
        String seconds = String.valueOf(second);
        String stamp = seconds + "." + Hmac.sign(signingKey, seconds);
        lastSigned = new Signed(second, stamp);
        return stamp;
    }

    /** The last stamp made: every form shown within the same second carries the same, signed once. */
    private volatile Signed lastSigned;

    private record Signed(long second, String stamp) {}

    /** How long ago the form was shown; empty when the stamp is missing or forged. */
    Optional<Duration> age(String stamp, Instant now) {
        if (stamp == null) {
            return Optional.empty();
        }
        int dot = stamp.indexOf('.');
        if (dot <= 0 || !Hmac.matches(signingKey, stamp.substring(0, dot), stamp.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.ofEpochSecond(Long.parseLong(stamp.substring(0, dot))), now));
        } catch (NumberFormatException | java.time.DateTimeException unreadable) {
            return Optional.empty();
        }
    }
}
