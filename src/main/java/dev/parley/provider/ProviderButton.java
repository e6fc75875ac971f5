package dev.parley.provider;

import dev.parley.web.Routes;

/** A sign-in choice as the reply form shows it. */
public record ProviderButton(
        long id,
        String label,
        String displayName,
        ProviderKind kind,
        String iconUrl,
        String moderatorClaim,
        String identityIssuer) {

    /** The letter of the badge shown when the owner gave no icon. */
    public String initial() {
        return displayName.isEmpty() ? "?" : displayName.substring(0, 1).toUpperCase();
    }

    /** Where the button sends the reply form (with the draft) to start signing in. */
    public String startPath() {
        return Routes.signIn(id, "start");
    }
}
