package dev.parley.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) in the test's JVM for the packaged application started by an integration
 * test, and the variables that point Parley's mail at it.
 */
public final class MailCatcher implements AutoCloseable {

    public static final String FROM = "comments@parley.test";

    private final GreenMail server;

    public MailCatcher() {
        server = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The environment plus mail set up for this server, with this instance's sender on or off. */
    public Map<String, String> environment(Map<String, String> environment, boolean sender) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("PARLEY_MAIL_HOST", "127.0.0.1");
        all.put("PARLEY_MAIL_PORT", String.valueOf(server.getSmtp().getPort()));
        all.put("PARLEY_MAIL_TLS", "none");
        all.put("PARLEY_MAIL_FROM", FROM);
        all.put("PARLEY_PUBLIC_URL", "https://comments.example.org");
        all.put("PARLEY_MAIL_SENDER", sender ? "on" : "off");
        return all;
    }

    /** How many mails arrived for each recipient address. */
    public Map<String, Long> countsByRecipient() {
        return Arrays.stream(server.getReceivedMessages())
                .map(MailCatcher::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** How many mails arrived from a client that greeted the server with this name (its HELO). */
    public long receivedFrom(String heloName) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        String[] received = m.getHeader("Received");
                        return received != null && received[0].contains(heloName);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    public int received() {
        return server.getReceivedMessages().length;
    }

    /** Every address of {@code expected} got exactly one mail, and nobody else got any. */
    public boolean eachExactlyOnce(List<String> expected) {
        Map<String, Long> counts = countsByRecipient();
        return counts.size() == expected.size()
                && expected.stream().allMatch(address -> counts.getOrDefault(address, 0L) == 1L);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
