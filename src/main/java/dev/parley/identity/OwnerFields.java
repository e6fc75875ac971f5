package dev.parley.identity;

import java.util.regex.Pattern;

/** The rules for an account's email and password, shared by every page and the environment bootstrap. */
final class OwnerFields {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private OwnerFields() {}

    /** A sentence describing what is wrong, or {@code null}. */
    static String problemWith(String email, String password) {
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > Account.MAX_EMAIL) {
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
