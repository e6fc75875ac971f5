-- A fresh install shows the whole flow at once, as WordPress's "Hello world!" does.
-- The owner can delete it; this migration never runs again.
insert into article (slug, title, body, body_format, status, comments_open, published_at, created_at, updated_at)
values ('hello-world', 'Hello world!',
        'Welcome to Parley. This is your first article. Edit or delete it in the admin area, then start writing!

Readers can leave a reply below. Their comments wait in the moderation queue until a moderator approves them.',
        'PLAIN', 'PUBLISHED', true, current_timestamp, current_timestamp, current_timestamp);

insert into comment (article_id, status, author_name, author_url, body, created_at)
select id, 'APPROVED', 'A Parley Commenter', 'https://example.org/',
       'Hi, this is a comment.
To get started with moderating, editing and deleting comments, sign in and visit the moderation queue.',
       current_timestamp
from article where slug = 'hello-world';
