package dev.parley.web;

import java.util.function.Supplier;

/**
 * A page rendered once for every anonymous reader (pagecache/SharedPages). While it renders, the values that
 * must differ per answer (the CSRF token, the reply form's key and the time it was shown) are written as
 * placeholders, which each answer then replaces with its own. The placeholders are random per start, so that no
 * text a reader wrote can be mistaken for one.
 */
public final class SharedRendering {

    /** The values put into each answer, and their placeholders in the shared rendering. */
    public enum Hole {
        CSRF_TOKEN,
        FORM_KEY,
        FORM_SHOWN,
        SHARED_FORM_SHOWN;

        private final String placeholder = "zz"
                + Tokens.random(12).replace('-', 'x').replace('_', 'y') + name().charAt(0) + name().length() + "zz";

        public String placeholder() {
            return placeholder;
        }
    }

    private static final ThreadLocal<Boolean> RENDERING = new ThreadLocal<>();

    private SharedRendering() {}

    /** Renders with placeholders where per-answer values go (Qute renders on the calling thread). */
    public static <T> T render(Supplier<T> rendering) {
        RENDERING.set(Boolean.TRUE);
        try {
            return rendering.get();
        } finally {
            RENDERING.remove();
        }
    }

    /** Whether the page being rendered now is shared: the value asked for must then be its placeholder. */
    public static boolean active() {
        return RENDERING.get() != null;
    }
}
