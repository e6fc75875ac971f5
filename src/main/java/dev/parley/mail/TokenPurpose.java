package dev.parley.mail;

/** What a one-time link in a mail is for. A token works only for the purpose it was made for. */
public enum TokenPurpose {
    /** A moderator's Approve, Spam or Trash link: subject = the comment, scope = the decision. */
    MODERATE,
    /** A guest confirming their address (double opt-in): scope = the address. */
    CONFIRM_ADDRESS,
    /** An invited moderator setting their password: subject = the account. */
    INVITE,
    /** "Forgot password": subject = the account. */
    RESET_PASSWORD
}
