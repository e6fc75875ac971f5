package dev.parley.rules;

/** The parts of a comment the rules look at; any part may be {@code null}. */
public record Submission(String body, String authorName, String authorEmail, String authorUrl, String ip) {}
