package dev.parley.audit;

import java.util.List;

/** A page of the log; {@code nextBefore} leads to older entries, {@code null} on the last page. */
public record LogPage(List<AuditRow> rows, Long nextBefore) {}
