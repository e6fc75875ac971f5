package dev.parley.web;

/**
 * The reply form's values that differ per answer (its key and the time it was shown; reply/FormStamp), as a shared
 * rendering puts them in after rendering (see {@link SharedRendering}).
 */
public interface ReplyFormStamps {

    String getKey();

    String getShown();

    String getSharedShown();
}
