package dev.parley.moderation;

import java.util.List;

/**
 * What the confirmation page of "Delete permanently" shows before anything is deleted: the comments that
 * will be lost, and the form fields that repeat the decision once confirmed.
 *
 * @param comments the picked comments that still exist, as the moderator will recognise them
 * @param one the single-comment decision ({@code delete:12:3}), or {@code null} for a bulk decision
 * @param picks the ticked comments of a bulk decision ({@code 12:3} each)
 * @param back the queue view to return to, also the Cancel link
 */
public record DeletionPreview(List<Doomed> comments, String one, List<String> picks, String back) {

    /** One comment that "Delete permanently" would remove. */
    public record Doomed(long id, String authorName, String excerpt, String articleTitle) {}

    public int count() {
        return one != null ? 1 : picks.size();
    }
}
