package dev.parley.site;

import java.util.List;

/** A site as the owner's list shows it. */
public record SiteRow(long id, String name, List<String> origins, long threads) {}
