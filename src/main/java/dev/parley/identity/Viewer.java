package dev.parley.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is looking at the page, for the navigation bar of every template ({@code inject:viewer}). */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        Object name = identity.getAttribute(SessionIdentityProvider.DISPLAY_NAME);
        return name == null ? "" : name.toString();
    }

    public boolean isModerator() {
        return identity.hasRole(Roles.MODERATOR);
    }

    public boolean isOwner() {
        return identity.hasRole(Roles.OWNER);
    }

    /** The signed-in account's id, or {@code null} for a reader. */
    public Long getAccountId() {
        Object id = identity.getAttribute(SessionIdentityProvider.ACCOUNT_ID);
        return id instanceof Long l ? l : null;
    }
}
