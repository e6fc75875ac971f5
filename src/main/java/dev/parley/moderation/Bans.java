package dev.parley.moderation;

import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.identity.ReaderIdentity;
import dev.parley.web.Bidi;
import dev.parley.web.EmailAddress;
import dev.parley.web.IpAddresses;
import dev.parley.web.TemplateExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Bans by email address, signed-in identity or IP address, with an optional expiry. */
@ApplicationScoped
public class Bans {

    static final int MAX_DAYS = 3650;

    @Inject
    AuditLog audit;

    /**
     * Why a comment from these details is banned, in the words the queue shows ("banned email address
     * until 3 December 2026"); empty when nothing matches.
     */
    @Transactional
    public Optional<String> reasonFor(String email, Long identityId, String ip, Instant now) {
        // One query for the three kinds (posting asks for each comment); a detail not given is null, which matches
        // no ban. The first kind, in this order, with an active ban wins.
        String[] values = {
            normalised(BanKind.EMAIL, email),
            normalised(BanKind.IDENTITY, identityId == null ? null : identityId.toString()),
            normalised(BanKind.IP, ip)
        };
        List<Ban> matching = Ban.<Ban>find(
                        "kind = ?1 and value = ?2 or kind = ?3 and value = ?4 or kind = ?5 and value = ?6",
                        BanKind.EMAIL,
                        values[0],
                        BanKind.IDENTITY,
                        values[1],
                        BanKind.IP,
                        values[2])
                .list();
        return Stream.of(BanKind.EMAIL, BanKind.IDENTITY, BanKind.IP)
                .flatMap(kind -> matching.stream().filter(ban -> ban.kind == kind && ban.isActive(now)))
                .findFirst()
                .map(ban -> "banned " + ban.kind.label()
                        + (ban.expiresAt == null ? "" : " until " + TemplateExtensions.readable(ban.expiresAt)));
    }

    private static String normalised(BanKind kind, String value) {
        return value == null || value.isBlank() ? null : kind.normalise(value);
    }

    /** Every ban, active ones first, newest first within each. */
    @Transactional
    public List<BanRow> list(Instant now) {
        return Ban.<Ban>find("order by createdAt desc, id desc").stream()
                .map(b -> new BanRow(
                        b.id, b.kind, b.value, b.reason, b.createdAt, b.createdBy, b.expiresAt, b.isActive(now)))
                .sorted((a, b) -> Boolean.compare(b.active(), a.active()))
                .toList();
    }

    /**
     * Adds a ban as typed in the ban form.
     *
     * @return messages per field; empty when the ban was added
     */
    @Transactional
    public Map<String, String> add(String kindTyped, String valueTyped, String reason, String daysTyped, Actor actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<BanKind> kind = BanKind.parse(kindTyped);
        if (kind.isEmpty()) {
            errors.put("kind", "Choose what to ban: an email address, a signed-in reader or an IP address.");
        }
        String value = valueTyped == null ? "" : valueTyped.strip();
        if (value.isEmpty()) {
            errors.put("value", "Enter the email address, reader number or IP address to ban.");
        } else if (value.length() > Ban.MAX_VALUE) {
            errors.put("value", "This can have at most 500 characters.");
        } else if (kind.isPresent()) {
            problemWith(kind.get(), value).ifPresent(problem -> errors.put("value", problem));
        }
        if (reason != null && reason.strip().length() > Ban.MAX_REASON) {
            errors.put("reason", "The reason can have at most 500 characters.");
        }
        Integer days = null;
        if (daysTyped != null && !daysTyped.isBlank()) {
            try {
                days = Integer.parseInt(daysTyped.strip());
            } catch (NumberFormatException notANumber) {
                days = -1;
            }
            if (days < 1 || days > MAX_DAYS) {
                errors.put("days", "Enter a number of days from 1 to 3650, or leave it empty for a ban until lifted.");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = Instant.now();
        Ban ban = new Ban();
        ban.kind = kind.get();
        ban.value = ban.kind.normalise(value);
        ban.reason = reason == null || reason.isBlank() ? null : reason.strip();
        ban.createdAt = now;
        ban.createdBy = actor.name();
        ban.expiresAt = days == null ? null : now.plus(Duration.ofDays(days));
        ban.persist();
        audit.record(
                actor,
                AuditAction.BAN,
                null,
                "Banned " + ban.kind.label() + " " + Bidi.isolate(ban.value)
                        + (ban.expiresAt == null
                                ? " until lifted"
                                : " until " + TemplateExtensions.readable(ban.expiresAt))
                        + (ban.reason == null ? "" : ": " + Bidi.isolate(ban.reason)),
                null,
                null);
        return Map.of();
    }

    /**
     * What is wrong with a value for this kind of ban, if anything. An IP ban is one address: ranges (CIDR)
     * are refused rather than silently stored as text that no comment's address would ever equal.
     */
    private static Optional<String> problemWith(BanKind kind, String value) {
        return switch (kind) {
            case EMAIL ->
                EmailAddress.isValid(value)
                        ? Optional.empty()
                        : Optional.of("This is not an email address. Enter one such as name@example.com.");
            case IDENTITY ->
                !value.matches("#?\\d{1,18}")
                        ? Optional.of("A signed-in reader is banned by their number, as the queue shows it.")
                        : ReaderIdentity.findById(Long.parseLong(value.replace("#", ""))) == null
                                ? Optional.of("No signed-in reader has the number " + value.replace("#", "") + ".")
                                : Optional.empty();
            case IP ->
                value.contains("/")
                        ? Optional.of("Ranges (such as 203.0.113.0/24) cannot be banned: enter one address.")
                        : IpAddresses.isAddress(value)
                                ? Optional.empty()
                                : Optional.of(
                                        "This is not an IP address. Enter one such as 203.0.113.7 or 2001:db8::7.");
        };
    }

    @Transactional
    public boolean lift(long id, Actor actor) {
        Ban ban = Ban.findById(id);
        if (ban == null) {
            return false;
        }
        audit.record(
                actor,
                AuditAction.LIFT_BAN,
                null,
                "Lifted the ban on " + ban.kind.label() + " " + Bidi.isolate(ban.value),
                null,
                null);
        ban.delete();
        return true;
    }

    /** A ban as the bans page shows it. */
    public record BanRow(
            long id,
            BanKind kind,
            String value,
            String reason,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            boolean active) {}
}
