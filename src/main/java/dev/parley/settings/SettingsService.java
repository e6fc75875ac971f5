package dev.parley.settings;

import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and changes the discussion settings. Every read asks the database for the row's version (a primary-key
 * lookup of one number), so a change saved through any instance applies at the next request; the whole row, and
 * the settings made from it, are read again only when that version moved.
 */
@ApplicationScoped
public class SettingsService {

    /** The settings as last read, with the row version they were read at. */
    private record Read(int version, Discussion discussion) {}

    private volatile Read last;

    static final int DEFAULT_TRIAL = 200;
    static final int MAX_TRIAL = 5000;

    @Inject
    AuditLog audit;

    @Inject
    Instance<RuleTrial> trial;

    @Transactional
    public Discussion discussion() {
        Read known = last;
        if (known != null && known.version() == DiscussionSettings.currentVersion()) {
            return known.discussion();
        }
        DiscussionSettings row = DiscussionSettings.current();
        Read fresh = new Read(row.version, row.toDiscussion());
        last = fresh;
        return fresh.discussion();
    }

    /**
     * Saves the settings as the owner typed them; recorded in the audit log with before and after.
     *
     * @return the message per field when something is refused (nothing is saved then); empty when saved
     */
    @Transactional
    public Map<String, String> save(SettingsForm form, Actor actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Discussion wanted = form.read(errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        DiscussionSettings row = DiscussionSettings.current();
        Discussion before = row.toDiscussion();
        if (!before.equals(wanted)) {
            last = null;
            row.apply(wanted);
            audit.record(
                    actor,
                    AuditAction.SETTINGS,
                    null,
                    "Discussion settings changed",
                    before.describe(),
                    wanted.describe());
        }
        return Map.of();
    }

    /**
     * Changes some settings without the page (tests, scripts): starts from the current values, applies
     * {@code edit}, then the same checks and audit entry as the form.
     */
    @Transactional
    public Map<String, String> change(java.util.function.Consumer<SettingsForm> edit, Actor actor) {
        SettingsForm form = SettingsForm.of(discussion());
        edit.accept(form);
        return save(form, actor);
    }

    /**
     * Dry run: what the typed (unsaved) content rules would have done to the most recent comments.
     *
     * @return the report, or the messages per field when the form has mistakes
     */
    public TrialAnswer tryRules(SettingsForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Discussion wanted = form.read(errors);
        int count = form.trialCount(errors);
        if (!errors.isEmpty()) {
            return new TrialAnswer(null, errors);
        }
        return new TrialAnswer(trial.get().tryOn(wanted.rules(), count), Map.of());
    }

    /** The dry run's report, or the form's mistakes. */
    public record TrialAnswer(RuleTrial.TrialReport report, Map<String, String> errors) {}
}
