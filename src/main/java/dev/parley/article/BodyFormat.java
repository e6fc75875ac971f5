package dev.parley.article;

/** How an article body is written. Either way, raw HTML in it is shown as text. */
public enum BodyFormat {
    PLAIN("Plain text"),
    MARKDOWN("Markdown");

    private final String label;

    BodyFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
