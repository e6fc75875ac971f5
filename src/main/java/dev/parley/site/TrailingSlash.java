package dev.parley.site;

/** How a page address ends: as the page gives it, always with "/", or never with one (but for the root). */
public enum TrailingSlash {
    KEEP,
    ADD,
    REMOVE
}
