package dev.parley.settings;

/** Settings › Discussion, "Before a comment appears". The content rules and defences apply under every one. */
public enum PublishPolicy {
    HOLD_ALL("Every comment is held for approval"),
    PREVIOUSLY_APPROVED("Authors with a previously approved comment publish directly"),
    SIGNED_IN("Readers signed in with a login provider publish directly"),
    PUBLISH_ALL("Every comment publishes directly");

    private final String label;

    PublishPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
