package dev.parley.identity;

import dev.parley.web.EmailAddress;

/**
 * The rules of {@link NewAccountForm}, for the owner account that comes from the environment, where
 * there is no form to annotate.
 */
final class OwnerFields {

    private OwnerFields() {}

    /** A sentence describing what is wrong, or {@code null}. */
    static String problemWith(String email, String password) {
        if (!EmailAddress.isValid(email) || email.strip().length() > Account.MAX_EMAIL) {
            return "the email address is not valid";
        }
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            return "the password must have at least " + PasswordHasher.MIN_LENGTH + " characters";
        }
        if (password.length() > PasswordHasher.MAX_LENGTH) {
            return "the password must have at most " + PasswordHasher.MAX_LENGTH + " characters";
        }
        return null;
    }
}
