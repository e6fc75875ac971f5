package dev.parley.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single row of owner-editable discussion settings (created by the first migration). */
@Entity
@Table(name = "discussion_settings")
public class DiscussionSettings extends PanacheEntityBase {

    public static final int MIN_THREAD_DEPTH = 1;
    public static final int MAX_THREAD_DEPTH = 10;
    static final int THE_ROW = 1;

    @Id
    public Integer id;

    /** How deep replies nest; deeper replies are shown at this level. 1 means no nesting. */
    @Column(name = "thread_depth", nullable = false)
    public int threadDepth;

    @Version
    public int version;

    static DiscussionSettings current() {
        return findById(THE_ROW);
    }
}
