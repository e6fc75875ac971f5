package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.Map;

/** The owner created from {@link AppProcess#withOwner}, at work in a browser. */
public final class SiteOwner {

    private SiteOwner() {}

    public static Browser signIn(String baseUri) {
        Browser owner = new Browser(baseUri);
        owner.signIn(AppProcess.OWNER_EMAIL, AppProcess.OWNER_PASSWORD);
        return owner;
    }

    /**
     * Changes discussion settings through the settings page. Tests whose readers are programs switch off the
     * minimum writing time (people take seconds, programs milliseconds).
     */
    public static void changeSettings(Browser owner, Map<String, String> typed) {
        Page settings = owner.open("/admin/settings");
        Response saved = owner.submit(settings, "#settingsform", typed);
        assertEquals(303, saved.statusCode(), () -> saved.body().asString());
    }
}
