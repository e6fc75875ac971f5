package dev.parley.subscription;

import dev.parley.article.ThreadLocator;
import dev.parley.identity.SignedIn;
import dev.parley.web.Constraints;
import java.util.Optional;

/** What became of a "Follow this thread" form: followed (with the answer), a field to fix, or no such thread. */
public sealed interface Following {

    record Followed(Subscriptions.Answer answer) implements Following {}

    record Mistake(String message) implements Following {}

    record NoThread() implements Following {}

    String NO_ADDRESS = "Your sign-in gave Parley no usable email address, so it cannot mail you.";

    /** Takes the form: checks the address and records the request (once more if two arrived at once). */
    static Following take(Subscriptions subscriptions, ThreadLocator thread, FollowForm form, Optional<SignedIn> who) {
        String email = who.isPresent() ? who.get().email() : form.email;
        Optional<String> problem = Subscriptions.problemWith(email);
        if (problem.isPresent()) {
            return new Mistake(who.isPresent() ? NO_ADDRESS : problem.get());
        }
        Long identityId = who.map(SignedIn::identityId).orElse(null);
        Optional<Subscriptions.Answer> answer;
        try {
            answer = subscriptions.follow(thread, email, identityId);
        } catch (RuntimeException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            // The same address typed twice at once: the first made it, this one finds it.
            answer = subscriptions.follow(thread, email, identityId);
        }
        return answer.<Following>map(Followed::new).orElseGet(NoThread::new);
    }
}
