package dev.parley.provider;

import java.util.Locale;

/**
 * Why a sign-in with a provider failed, in words a reader understands. The OAuth error code behind it (RFC 6749
 * §4.1.2.1, §5.2, and Parley's own for failures the provider never named) is a detail for the site owner only.
 */
enum SignInProblem {
    ACCESS_DENIED("You chose not to let %s tell this site who you are, so you were not signed in."),
    LOGIN_NEEDED("%s needs you to sign in or agree there first, and could not ask you this time. Please try again."),
    BUSY("%s is busy or down for maintenance right now. Please try again in a few minutes."),
    PROVIDER_FAILED("%s had a problem of its own and could not sign you in. Please try again later."),
    UNREACHABLE("This site could not reach %s just now. Please try again in a few minutes."),
    EXPIRED("The sign-in took too long, or this answer from %s was used already. Please start again."),
    NOT_THIS_BROWSER("This answer from %s did not belong to a sign-in started in this browser: it may have expired,"
            + " or come from another tab. Please start again from the comment form."),
    MISCONFIGURED("%s refused this site's sign-in request, so nobody can sign in with it at the moment. The site"
            + " owner needs to check its settings. Meanwhile, choose another way or comment as a guest."),
    NOT_COMPLETED("%s answered, but the sign-in could not be completed: the answer may have expired, or %s did not"
            + " accept this site's credentials. Please try again; if it keeps happening, the site owner needs to"
            + " check the provider's settings."),
    NO_IDENTITY("%s did not say who you are, so you could not be signed in. Please choose another way or comment"
            + " as a guest."),
    UNKNOWN("%s did not let you in, or could not be reached. Please try again, choose another way to sign in, or"
            + " comment as a guest.");

    /** Parley's own codes for failures the provider did not name. */
    static final String UNREACHABLE_CODE = "unreachable";

    static final String CALLBACK_FAILED_CODE = "callback_failed";
    static final String INVALID_STATE_CODE = "invalid_state";
    static final String NO_SUBJECT_CODE = "no_subject";

    private final String sentence;

    SignInProblem(String sentence) {
        this.sentence = sentence;
    }

    /** The sentence, naming the provider (every {@code %s}). */
    String explain(String provider) {
        return sentence.replace("%s", provider);
    }

    static SignInProblem of(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "access_denied" -> ACCESS_DENIED;
            case "login_required", "interaction_required", "consent_required", "account_selection_required" ->
                LOGIN_NEEDED;
            case "temporarily_unavailable" -> BUSY;
            case "server_error" -> PROVIDER_FAILED;
            case UNREACHABLE_CODE -> UNREACHABLE;
            case "invalid_grant" -> EXPIRED;
            case INVALID_STATE_CODE -> NOT_THIS_BROWSER;
            case "invalid_client",
                    "unauthorized_client",
                    "invalid_request",
                    "invalid_scope",
                    "unsupported_response_type",
                    "unsupported_grant_type",
                    "invalid_request_uri",
                    "redirect_uri_mismatch" -> MISCONFIGURED;
            case CALLBACK_FAILED_CODE -> NOT_COMPLETED;
            case NO_SUBJECT_CODE -> NO_IDENTITY;
            default -> UNKNOWN;
        };
    }
}
