package dev.parley.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One of the owner's websites: the origins whose pages may carry Parley threads, and how their addresses are made canonical. */
@Entity
public class Site extends PanacheEntityBase {

    public static final int MAX_NAME = 100;
    public static final int MAX_ORIGINS = 2000;
    public static final int MAX_KEPT_QUERY_PARAMS = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = MAX_NAME)
    public String name;

    /** Canonical origins ({@code https://blog.example.org}), one per line. */
    @Column(nullable = false, length = MAX_ORIGINS)
    public String origins;

    /** Query parameters that make another page, comma-separated; all others are dropped. */
    @Column(name = "kept_query_params", nullable = false, length = MAX_KEPT_QUERY_PARAMS)
    public String keptQueryParams = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "trailing_slash", nullable = false, length = 16)
    public TrailingSlash trailingSlash = TrailingSlash.KEEP;

    @Column(name = "same_page_any_scheme", nullable = false)
    public boolean samePageAnyScheme = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;

    public List<String> originList() {
        return Arrays.stream(origins.split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public List<String> keptQueryParamList() {
        return Arrays.stream(keptQueryParams.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public PageAddresses addresses() {
        return new PageAddresses(originList(), keptQueryParamList(), trailingSlash, samePageAnyScheme);
    }

    public static List<Site> listByName() {
        return find("order by lower(name), id").list();
    }

    public static Optional<Site> byId(long id) {
        return findByIdOptional(id);
    }
}
