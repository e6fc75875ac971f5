package dev.parley.identity;

import dev.parley.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Who is looking at the page, for resources and for every template ({@code inject:viewer}): nobody, a
 * reader signed in with a login provider, a moderator or the owner.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;

    private Optional<SignedIn> signedIn() {
        return identity.isAnonymous()
                ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(SessionIdentityProvider.SIGNED_IN));
    }

    public boolean isSignedIn() {
        return signedIn().isPresent();
    }

    /** Staff: the owner or a moderator, signed in with a local account. */
    public boolean isStaff() {
        return signedIn().map(s -> s.accountId() != null).orElse(false);
    }

    /** A reader signed in with a login provider. */
    public boolean isReader() {
        return signedIn().map(s -> s.identityId() != null).orElse(false);
    }

    public String getName() {
        return signedIn().map(SignedIn::displayName).orElse("");
    }

    public String getEmail() {
        return signedIn().map(SignedIn::email).orElse(null);
    }

    /** For readers: the provider they signed in with ("Keycloak", "Google"). */
    public String getProviderName() {
        return signedIn().map(SignedIn::providerName).orElse("");
    }

    public String getPictureUrl() {
        return signedIn().map(SignedIn::pictureUrl).orElse(null);
    }

    public boolean isModerator() {
        return identity.hasRole(Roles.MODERATOR);
    }

    public boolean isOwner() {
        return identity.hasRole(Roles.OWNER);
    }

    /** The signed-in account's id, or {@code null}. */
    public Long getAccountId() {
        return signedIn().map(SignedIn::accountId).orElse(null);
    }

    /** Who is acting, as the audit log records it. */
    public Actor actor() {
        return new Actor(
                getName(), getAccountId(), reader().map(SignedIn::identityId).orElse(null));
    }

    /**
     * Who writes a comment on an article page: whoever is signed in, a reader with a login provider or staff
     * with a local account (who comment as themselves, never as guests); empty for a guest.
     */
    public Optional<SignedIn> commenter() {
        return signedIn();
    }

    /** The signed-in reader's identity, or empty. */
    public Optional<SignedIn> reader() {
        return signedIn().filter(s -> s.identityId() != null);
    }
}
