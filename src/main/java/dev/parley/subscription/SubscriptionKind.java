package dev.parley.subscription;

/** What a reader asked to be mailed about. */
public enum SubscriptionKind {
    /** Every comment published in the thread ("Notify me of follow-up comments", "Follow this thread"). */
    FOLLOW("New comments"),
    /** Their own held comment, once a moderator publishes it ("Notify me when my comment is approved"). */
    APPROVAL("When my comment is approved");

    private final String label;

    SubscriptionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
