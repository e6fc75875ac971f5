package dev.parley.support;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What the test SMTP server received, read as a person reads a mail: subject, sender, text, HTML, links. */
public final class Mailbox {

    private Mailbox() {}

    /** A received mail, parsed. */
    public record Received(
            String to, String subject, String fromName, String fromAddress, String text, String html, MimeMessage raw) {

        /** The HTML part, parsed. */
        public Document document() {
            return Jsoup.parse(html);
        }

        /** The href of the HTML part's link with this text (whole words of the link). */
        public String link(String linkText) {
            return document().select("a").stream()
                    .filter(a -> a.text().strip().equals(linkText))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No link \"" + linkText + "\" in: " + html))
                    .attr("href");
        }

        public String header(String name) {
            try {
                String[] values = raw.getHeader(name);
                return values == null ? null : values[0];
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every mail to {@code address} so far. */
    public static List<Received> to(String address) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            Received mail = parse(message);
            if (mail.to().equalsIgnoreCase(address)) {
                found.add(mail);
            }
        }
        return found;
    }

    /** Waits (up to 20 s) for a mail to {@code address} whose subject contains {@code subjectPart}. */
    public static Received await(String address, String subjectPart) {
        return awaitMatching(address, m -> m.subject().contains(subjectPart), "subject containing " + subjectPart);
    }

    public static Received awaitMatching(String address, Predicate<Received> wanted, String what) {
        List<Received> hit = new ArrayList<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .alias("a mail to " + address + " with " + what)
                .until(() -> {
                    to(address).stream().filter(wanted).findFirst().ifPresent(hit::add);
                    return !hit.isEmpty();
                });
        return hit.get(0);
    }

    static Received parse(MimeMessage message) {
        try {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            String to = recipients == null
                    ? ""
                    : ((InternetAddress) recipients[0]).getAddress().toLowerCase(Locale.ROOT);
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            String[] parts = new String[2];
            collect(message, parts);
            return new Received(
                    to,
                    message.getSubject(),
                    from.getPersonal(),
                    from.getAddress(),
                    parts[0] == null ? "" : parts[0].replace("\r\n", "\n"),
                    parts[1] == null ? "" : parts[1],
                    message);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static void collect(Part part, String[] found) throws Exception {
        if (part.isMimeType("text/plain") && found[0] == null) {
            found[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && found[1] == null) {
            found[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, found);
            }
        }
    }

    /** For assertion messages. */
    public static String summary() {
        return Arrays.stream(TestSmtp.server().getReceivedMessages())
                .map(Mailbox::parse)
                .map(m -> m.to() + ": " + m.subject())
                .toList()
                .toString();
    }
}
