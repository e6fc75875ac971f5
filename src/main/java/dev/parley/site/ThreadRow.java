package dev.parley.site;

import java.time.Instant;

/**
 * An embedded thread as the site's page shows it.
 *
 * @param byIdentifier whether the host finds it by its own identifier rather than by the page's address
 */
public record ThreadRow(
        long id,
        String slug,
        String title,
        String pageUrl,
        boolean byIdentifier,
        boolean commentsOpen,
        long approved,
        long pending,
        Instant createdAt) {}
