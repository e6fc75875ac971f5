package dev.parley.moderation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far a purge step has got: everything before {@code doneBefore} is done. */
@Entity
@Table(name = "purge_mark")
public class PurgeMark extends PanacheEntityBase {

    @Id
    @Column(length = 40)
    public String step;

    @Column(name = "done_before", nullable = false)
    public Instant doneBefore;

    /** Where the step starts this time: the last run's threshold, or the beginning of time. */
    static Instant doneBefore(String step) {
        PurgeMark mark = findById(step);
        return mark == null ? Instant.EPOCH : mark.doneBefore;
    }

    /** Moves the mark forward (never back: a longer retention set later must not re-read old rows). */
    static void record(String step, Instant threshold) {
        PurgeMark mark = findById(step);
        if (mark == null) {
            mark = new PurgeMark();
            mark.step = step;
            mark.doneBefore = threshold;
            mark.persist();
        } else if (threshold.isAfter(mark.doneBefore)) {
            mark.doneBefore = threshold;
        }
    }
}
