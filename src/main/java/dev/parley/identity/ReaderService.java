package dev.parley.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Readers who sign in with a login provider. */
@ApplicationScoped
public class ReaderService {

    /** What a provider told us about the person who just signed in. */
    public record ProviderProfile(
            long providerId,
            String providerName,
            String issuer,
            String subject,
            String displayName,
            String email,
            String pictureUrl,
            boolean claimsModerator,
            boolean emailVerified) {

        /** A profile whose address the provider did not say it verified. */
        public ProviderProfile(
                long providerId,
                String providerName,
                String issuer,
                String subject,
                String displayName,
                String email,
                String pictureUrl,
                boolean claimsModerator) {
            this(providerId, providerName, issuer, subject, displayName, email, pictureUrl, claimsModerator, false);
        }
    }

    @Inject
    SessionService sessions;

    /**
     * Records the sign-in (creating the reader on first visit, refreshing name and picture after) and starts
     * a Parley session for them.
     *
     * @return the session token for the cookie
     */
    @Transactional
    public String signedIn(ProviderProfile profile, String providerLogout) {
        return sessions.start(recorded(profile), providerLogout);
    }

    /** Records the sign-in (creating the reader on first visit, refreshing name and picture after). */
    @Transactional
    public ReaderIdentity recorded(ProviderProfile profile) {
        Instant now = Instant.now();
        ReaderIdentity reader = ReaderIdentity.find(profile.issuer(), profile.subject())
                .orElseGet(() -> {
                    ReaderIdentity created = new ReaderIdentity();
                    created.issuer = profile.issuer();
                    created.subject = profile.subject();
                    created.createdAt = now;
                    return created;
                });
        reader.providerId = profile.providerId();
        reader.providerName = profile.providerName();
        reader.displayName = truncate(profile.displayName(), 245);
        reader.email = profile.email() == null || profile.email().length() > 100 ? null : profile.email();
        // Read again at every sign-in: a provider that stops vouching for the address is believed at once.
        reader.emailVerified = reader.email != null && profile.emailVerified();
        reader.pictureUrl = profile.pictureUrl() != null && profile.pictureUrl().startsWith("https://")
                ? truncate(profile.pictureUrl(), 500)
                : null;
        reader.claimedModerator = profile.claimsModerator();
        reader.lastSignInAt = now;
        if (reader.id == null) {
            reader.persist();
        }
        return reader;
    }

    /** Takes back the moderator role that a provider's claim gave, after the owner changed the rule. */
    @Transactional
    public void forgetClaimedRoles(long providerId) {
        ReaderIdentity.update("claimedModerator = false where providerId = ?1", providerId);
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
