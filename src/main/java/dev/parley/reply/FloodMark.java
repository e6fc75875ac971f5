package dev.parley.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When an IP address or email address last posted: flood control that every instance sees. */
@Entity
@Table(name = "flood_mark")
public class FloodMark extends PanacheEntityBase {

    @Id
    @Column(name = "mark_key", length = 200)
    public String key;

    @Column(name = "last_post_at", nullable = false)
    public Instant lastPostAt;
}
