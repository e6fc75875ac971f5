package dev.parley.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One guest's comment: the "Leave a Reply" form fetched from the article page, filled in, and sent (and sent
 * again, as a reader does after an error) over plain HTTP from any thread. Each guest has their own address
 * ({@code X-Forwarded-For}, for an application started with {@code PARLEY_BEHIND_PROXY}) and email, as
 * readers do, so that flood control is not what the test measures.
 */
public final class GuestPost {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUri;
    private final String address;
    private final String csrfCookie;
    private final String action;
    private final Map<String, String> fields;
    public final String body;

    private GuestPost(
            String baseUri, String address, String csrfCookie, String action, Map<String, String> fields, String body) {
        this.baseUri = baseUri;
        this.address = address;
        this.csrfCookie = csrfCookie;
        this.action = action;
        this.fields = fields;
        this.body = body;
    }

    /** The answer to one sending: a status, or the I/O failure when none came. */
    public record Answer(int status, String location, String html, IOException failure) {

        public boolean posted() {
            return status == 303;
        }

        public Document page() {
            return Jsoup.parse(html == null ? "" : html);
        }
    }

    /** Opens the article as guest number {@code n} and fills in the form with {@code body}. */
    public static GuestPost fill(String baseUri, String slug, int n, String body) throws IOException {
        String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUri + "/articles/" + slug))
                .header("X-Forwarded-For", address)
                .GET()
                .build());
        if (page.statusCode() != 200) {
            throw new IOException("the article answered " + page.statusCode());
        }
        Optional<String> cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("parley_csrf="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst();
        Element form = Jsoup.parse(page.body()).selectFirst("#commentform");
        if (form == null || cookie.isEmpty()) {
            throw new IOException("no comment form on the article page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.val());
        }
        fields.put("comment", body);
        fields.put("author", "Guest " + n);
        fields.put("email", "guest" + n + "@example.org");
        return new GuestPost(baseUri, address, cookie.get(), form.attr("action"), fields, body);
    }

    /** Sends the form; the same form sent twice is the same comment (its request key). */
    public Answer send() {
        return sendTo(baseUri);
    }

    /** Sends the form to another instance of the same site. */
    public Answer sendTo(String instance) {
        String encoded = encoded();
        try {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(instance + action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", csrfCookie)
                    .header("X-Forwarded-For", address)
                    // As a browser does: the origin of the page the form was on (through nginx, the public one).
                    .header("Origin", baseUri)
                    .POST(HttpRequest.BodyPublishers.ofString(encoded))
                    .build());
            return new Answer(
                    answer.statusCode(), answer.headers().firstValue("Location").orElse(null), answer.body(), null);
        } catch (IOException e) {
            return new Answer(0, null, null, e);
        }
    }

    /**
     * Sends the form that a refusal page gave back (its "Send again" button), as the reader would, with
     * this guest's cookie and address.
     */
    public Answer sendAgainFrom(Answer refused) {
        Element form = refused.page().selectFirst("#commentform");
        if (form == null) {
            throw new AssertionError("no form to send again in: " + refused.html());
        }
        Map<String, String> again = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            again.put(input.attr("name"), input.is("textarea") ? input.wholeText() : input.val());
        }
        return new GuestPost(baseUri, address, csrfCookie, form.attr("action"), again, body).send();
    }

    /**
     * Sends the form over a socket of its own in two halves, running {@code betweenHalves} once the server has
     * the first: a request that is in flight at that moment.
     */
    public Answer sendInTwoHalves(Runnable betweenHalves) throws IOException {
        URI target = URI.create(baseUri + action);
        byte[] form = encoded().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + target.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length + "\r\n"
                    + "Cookie: " + csrfCookie + "\r\n"
                    + "X-Forwarded-For: " + address + "\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(form, 0, form.length / 2);
            out.flush();
            betweenHalves.run();
            out.write(form, form.length / 2, form.length - form.length / 2);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String location = response.lines()
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                    .map(line -> line.substring(9).strip())
                    .findFirst()
                    .orElse(null);
            return new Answer(Integer.parseInt(response.substring(9, 12)), location, response, null);
        }
    }

    private String encoded() {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(request, (name, value) -> true)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
