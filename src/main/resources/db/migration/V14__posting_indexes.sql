-- After posting, Parley works out the page of the thread that shows the new comment to its author. A reader's
-- own comments that only their browser sees (held, marked as spam by the rules) are found by its token, on this
-- index, instead of by reading every comment of the article: the cost of a post no longer grows with the thread.
create index comment_author_token_idx on comment (author_token_hash, article_id);
