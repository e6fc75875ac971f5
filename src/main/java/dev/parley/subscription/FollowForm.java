package dev.parley.subscription;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** "Follow this thread": the guest's address (signed-in readers use their sign-in's). */
public class FollowForm {

    public static final String EMAIL = "follow_email";

    @RestForm(EMAIL)
    public String email;

    public Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EMAIL, email);
        return values;
    }
}
