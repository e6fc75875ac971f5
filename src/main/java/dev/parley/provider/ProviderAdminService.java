package dev.parley.provider;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.identity.SessionService;
import dev.parley.web.Bidi;
import dev.parley.web.FormValidation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owner's work on login providers: add, change, switch on and off, order, delete. */
@ApplicationScoped
public class ProviderAdminService {

    @Inject
    AuditLog audit;

    @Inject
    ProviderService providers;

    @Inject
    SessionService sessions;

    @Inject
    dev.parley.identity.ReaderService readers;

    @Inject
    FormValidation validation;

    @Inject
    IssuerCheck issuers;

    /** Outcome of saving: the provider's id, or a message per field. */
    public record Saved(Long id, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    @Transactional
    public List<ProviderRow> list() {
        return LoginProvider.<LoginProvider>list("order by position, id").stream()
                .map(p -> new ProviderRow(p.id, p.displayName, p.kind, p.enabled, p.publishDirectly, p.isSetUp()))
                .toList();
    }

    @Transactional
    public Optional<Map<String, String>> formValues(long id) {
        return LoginProvider.<LoginProvider>findByIdOptional(id).map(ProviderForm::of);
    }

    /**
     * Saves the owner's form. Switched on, a provider with an issuer is saved only when the issuer's discovery
     * document answers (read before the transaction: the database waits for no network); switched off, it is
     * saved as typed, for the owner to finish later.
     *
     * @param kind the provider's kind: chosen for a new one, the stored one for an existing one
     */
    public Saved saveFromForm(Long id, ProviderKind kind, ProviderForm form) {
        Map<String, String> problems = new java.util.HashMap<>();
        String issuer = ProviderForm.trimmed(form.issuerUrl);
        if (kind.needsIssuer()
                && form.isEnabled()
                && issuer != null
                && !validation.errorsOf(form).containsKey("issuerUrl")) {
            issuers.problemWith(issuer.replaceAll("/+$", ""))
                    .ifPresent(
                            p -> problems.put(
                                    "issuerUrl",
                                    p
                                            + " Check the issuer, or untick “Switched on” to save the provider switched off for now."));
        }
        return QuarkusTransaction.requiringNew().call(() -> save(id, kind, form, problems));
    }

    /** Creates ({@code id == null}) or changes a provider; a new one is added at the end of the list. */
    @Transactional
    public Saved save(Long id, ProviderKind kind, ProviderForm form) {
        return save(id, kind, form, Map.of());
    }

    private Saved save(Long id, ProviderKind kind, ProviderForm form, Map<String, String> found) {
        LoginProvider provider = id == null ? new LoginProvider() : LoginProvider.findById(id);
        if (provider == null) {
            throw new NotFoundException();
        }
        Map<String, String> errors = validation.errorsOf(form);
        found.forEach(errors::putIfAbsent);
        ProviderKind effectiveKind = id == null ? kind : provider.kind;
        if (effectiveKind.needsIssuer() && ProviderForm.trimmed(form.issuerUrl) == null) {
            errors.putIfAbsent("issuerUrl", "Please enter the issuer's address.");
        }
        boolean keepsSecret = id != null && provider.clientSecret != null;
        if (ProviderForm.trimmed(form.clientSecret) == null && !keepsSecret) {
            errors.putIfAbsent("clientSecret", "Please enter the client secret the provider gave you.");
        }
        if (effectiveKind == ProviderKind.APPLE) {
            if (ProviderForm.trimmed(form.teamId) == null) {
                errors.putIfAbsent("teamId", "Please enter your Apple developer team ID.");
            }
            if (ProviderForm.trimmed(form.keyId) == null) {
                errors.putIfAbsent("keyId", "Please enter the ID of the Sign in with Apple key.");
            }
        }
        if (!errors.isEmpty()) {
            return new Saved(id, errors);
        }
        provider.kind = effectiveKind;
        provider.displayName = form.displayName.strip();
        provider.buttonLabel = form.buttonLabel.strip();
        provider.iconUrl = ProviderForm.trimmed(form.iconUrl);
        provider.teamId = effectiveKind == ProviderKind.APPLE ? ProviderForm.trimmed(form.teamId) : null;
        provider.keyId = effectiveKind == ProviderKind.APPLE ? ProviderForm.trimmed(form.keyId) : null;
        // Issuers are compared with the ID token's "iss" exactly, which never ends with a slash.
        provider.issuerUrl = effectiveKind.needsIssuer()
                ? ProviderForm.trimmed(form.issuerUrl).replaceAll("/+$", "")
                : null;
        provider.clientId = form.clientId.strip();
        if (ProviderForm.trimmed(form.clientSecret) != null) {
            provider.clientSecret = providers.seal(form.clientSecret.strip());
        }
        provider.scopes = ProviderForm.trimmed(form.scopes);
        provider.idpHint = effectiveKind.takesIdentityProviderHint() ? ProviderForm.trimmed(form.idpHint) : null;
        String moderatorClaim = ProviderForm.trimmed(form.moderatorClaim);
        boolean claimChanged =
                provider.id != null && !java.util.Objects.equals(provider.moderatorClaim, moderatorClaim);
        provider.moderatorClaim = moderatorClaim;
        if (claimChanged) {
            // Moderators made by the old claim are readers again until the new rule says otherwise.
            readers.forgetClaimedRoles(provider.id);
        }
        boolean wasEnabled = provider.enabled;
        provider.enabled = form.isEnabled();
        provider.publishDirectly = form.isPublishDirectly();
        provider.updatedAt = Instant.now();
        if (provider.id == null) {
            provider.position = (int) LoginProvider.count();
            provider.persist();
        } else if (wasEnabled && !provider.enabled) {
            signOutAllOf(provider.id);
        }
        audit.recordByCurrentUser(
                AuditAction.PROVIDER,
                (id == null ? "Added" : "Changed") + " the login provider " + Bidi.isolate(provider.displayName) + " ("
                        + provider.kind.name().toLowerCase() + ", " + (provider.enabled ? "on" : "off") + ")");
        return new Saved(provider.id, Map.of());
    }

    /**
     * Adds a provider of this kind, switched off and not set up yet, so that its page shows the exact callback
     * URL to register before the provider hands out the client ID and secret the form needs.
     */
    @Transactional
    public long draft(ProviderKind kind) {
        LoginProvider provider = new LoginProvider();
        provider.kind = kind;
        provider.displayName = kind.label();
        provider.buttonLabel = "Log in with " + kind.label();
        provider.issuerUrl = kind == ProviderKind.GITLAB ? "https://gitlab.com" : null;
        provider.clientId = "";
        provider.enabled = false;
        provider.publishDirectly = false;
        provider.updatedAt = Instant.now();
        provider.position = (int) LoginProvider.count();
        provider.persist();
        audit.recordByCurrentUser(
                AuditAction.PROVIDER,
                "Started adding the login provider " + provider.displayName + " ("
                        + kind.name().toLowerCase() + ", off, not set up yet)");
        return provider.id;
    }

    /** Adds a provider without a form (tests, scripted set-ups). */
    @Transactional
    public long add(
            ProviderKind kind,
            String name,
            String issuerUrl,
            String clientId,
            String clientSecret,
            String idpHint,
            boolean publishDirectly) {
        return add(kind, name, issuerUrl, clientId, clientSecret, idpHint, publishDirectly, null);
    }

    /** Adds a provider without a form, with an opted-in moderator role or claim. */
    @Transactional
    public long add(
            ProviderKind kind,
            String name,
            String issuerUrl,
            String clientId,
            String clientSecret,
            String idpHint,
            boolean publishDirectly,
            String moderatorClaim) {
        ProviderForm form = new ProviderForm();
        form.moderatorClaim = moderatorClaim;
        form.displayName = name;
        form.buttonLabel = "Log in with " + name;
        form.issuerUrl = issuerUrl;
        form.clientId = clientId;
        form.clientSecret = clientSecret;
        form.idpHint = idpHint;
        form.enabled = "yes";
        form.publishDirectly = publishDirectly ? "yes" : null;
        Saved saved = save(null, kind, form);
        if (!saved.ok()) {
            throw new IllegalArgumentException("invalid provider: " + saved.errors());
        }
        return saved.id();
    }

    /**
     * Turns a provider on or off. Turning it off also ends the sessions of everyone signed in with it: they
     * are guests again at their next request, on every instance.
     */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        LoginProvider provider = find(id);
        provider.enabled = enabled;
        provider.updatedAt = Instant.now();
        audit.recordByCurrentUser(
                AuditAction.PROVIDER,
                "Switched " + (enabled ? "on" : "off") + " the login provider " + Bidi.isolate(provider.displayName));
        if (!enabled) {
            signOutAllOf(id);
        }
    }

    /**
     * "Switch on" from the list: like saving the form switched on, a provider with an issuer is switched on only
     * when the issuer answers.
     *
     * @return why it stays off, for the owner; empty when it was switched on
     */
    public Optional<String> switchOn(long id) {
        LoginProvider stored = QuarkusTransaction.requiringNew().call(() -> find(id));
        if (!stored.isSetUp()) {
            return Optional.of(stored.displayName + " stays switched off: it is not set up yet. Open it, fill in"
                    + " what the provider gave you (client ID and secret), and save.");
        }
        if (stored.kind.needsIssuer() && stored.issuerUrl != null) {
            Optional<String> problem = issuers.problemWith(stored.issuerUrl);
            if (problem.isPresent()) {
                return Optional.of(stored.displayName + " stays switched off. " + problem.get()
                        + " Check the issuer on its page.");
            }
        }
        QuarkusTransaction.requiringNew().run(() -> setEnabled(id, true));
        return Optional.empty();
    }

    /** Moves a provider one place up or down in the reply form's list of buttons. */
    @Transactional
    public void move(long id, boolean up) {
        List<LoginProvider> ordered = LoginProvider.list("order by position, id");
        int index = ordered.indexOf(find(id));
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.size()) {
            return;
        }
        ordered.add(other, ordered.remove(index));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).position = i;
        }
    }

    /** What deleting a provider loses, for the page that asks first. */
    public record Deletion(long id, String displayName, ProviderKind kind, boolean enabled, long readers) {}

    @Transactional
    public Deletion deletion(long id) {
        LoginProvider provider = find(id);
        long readers = dev.parley.identity.ReaderIdentity.count("providerId", id);
        return new Deletion(id, provider.displayName, provider.kind, provider.enabled, readers);
    }

    /** Deletes a provider; its readers are signed out, their comments stay. */
    @Transactional
    public String delete(long id) {
        LoginProvider provider = find(id);
        signOutAllOf(id);
        audit.recordByCurrentUser(
                AuditAction.PROVIDER, "Deleted the login provider " + Bidi.isolate(provider.displayName));
        provider.delete();
        return provider.displayName;
    }

    private static LoginProvider find(long id) {
        LoginProvider provider = LoginProvider.findById(id);
        if (provider == null) {
            throw new NotFoundException();
        }
        return provider;
    }

    /** Ends the sessions of the provider's readers, and the sign-ins on their way to a script tag's page. */
    private void signOutAllOf(long providerId) {
        sessions.endAllOfProvider(providerId);
        ScriptSignIn.delete("identityId in (select r.id from ReaderIdentity r where r.providerId = ?1)", providerId);
    }
}
