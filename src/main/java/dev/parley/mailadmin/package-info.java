/**
 * The owner's mail page, Admin › Mail: whether mail is set up and how, "Send a test mail", and the mail log
 * with "Try again now". Apart from the package {@code mail}, which is plumbing every feature may use and which
 * must know no feature, so that this page can use identity's roles and the viewer.
 */
package dev.parley.mailadmin;
