package dev.parley.mail;

/** Where a mail of the outbox stands, with the words the mail log shows. */
public enum MailStatus {
    QUEUED("Queued"),
    SENT("Sent"),
    FAILED("Failed");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
