package dev.parley.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The report reasons for templates ({@code cdi:reportReasons.all}). */
@ApplicationScoped
@Named("reportReasons")
public class ReportReasons {

    public List<String> getAll() {
        return Reports.REASONS;
    }
}
