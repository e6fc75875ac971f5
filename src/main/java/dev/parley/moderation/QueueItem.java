package dev.parley.moderation;

import io.quarkus.qute.RawString;
import java.time.Instant;

/** A pending comment as the queue shows it to moderators, with the details readers never see. */
public record QueueItem(
        long id,
        String articleTitle,
        String articleSlug,
        String authorName,
        String authorEmail,
        String authorUrl,
        String authorIp,
        Instant postedAt,
        RawString bodyHtml,
        boolean isReply) {}
