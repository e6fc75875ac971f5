package dev.parley.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Before a provider with an issuer is saved switched on, reads the issuer's discovery document once, so that an
 * address that cannot work is caught by the owner at once rather than by every reader at their sign-in.
 */
@ApplicationScoped
class IssuerCheck {

    static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final int MAX_DOCUMENT = 512 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT)
            // Plain HTTP/1.1: no h2c upgrade for a test issuer on http:// to stumble on.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * What is wrong with this issuer, in sentences for the owner (the caller adds what to do about it); empty when its discovery document answers
     * and names exactly this issuer (the ID tokens must carry it, see {@link TenantConfigs}).
     */
    Optional<String> problemWith(String issuer) {
        String address = issuer + DISCOVERY;
        HttpResponse<String> answer;
        try {
            answer = client.send(
                    HttpRequest.newBuilder(URI.create(address))
                            .timeout(ANSWER)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            return Optional.of("Parley could not reach " + address + ": it did not answer within " + ANSWER.toSeconds()
                    + " seconds.");
        } catch (ConnectException refused) {
            return Optional.of("Parley could not reach " + address + ": nothing answers at that address.");
        } catch (IOException | IllegalArgumentException unreachable) {
            return Optional.of("Parley could not reach " + address + " (" + describe(unreachable) + ").");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of("Parley could not reach " + address + ".");
        }
        if (answer.statusCode() != 200) {
            return Optional.of(address + " answered with HTTP status " + answer.statusCode()
                    + " instead of the provider's OpenID Connect configuration.");
        }
        Optional<JsonObject> document = parse(answer.body());
        if (document.isEmpty()
                || !(document.get().get("authorization_endpoint") instanceof JsonString)
                || !(document.get().get("issuer") instanceof JsonString named)) {
            return Optional.of(address + " answered, but not with an OpenID Connect configuration.");
        }
        if (!named.getString().equals(issuer)) {
            return Optional.of("The provider names its issuer " + named.getString() + ", not " + issuer
                    + ". Enter exactly " + named.getString() + ".");
        }
        return Optional.empty();
    }

    private static Optional<JsonObject> parse(String body) {
        if (body == null || body.length() > MAX_DOCUMENT) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.net.UnknownHostException) {
            return "the host name is unknown";
        }
        if (e instanceof javax.net.ssl.SSLException || e.getCause() instanceof javax.net.ssl.SSLException) {
            return "its https certificate was not accepted";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
