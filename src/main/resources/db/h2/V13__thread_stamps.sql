-- Stamps that say when what anonymous readers see has changed, so that a thread rendered earlier can be checked
-- with one look-up (pagecache/SharedPages). Kept by triggers, so that no write path (a moderator's decision, a
-- bulk action, the purge, an edit in the admin area) can forget them. The PostgreSQL build has the same triggers
-- in PL/pgSQL (db/postgresql); H2 runs them as Java (pagecache/H2StampTriggers).

-- One per thread: bumped when a comment readers can see is added, changed or removed, and on any change to the
-- article itself.
alter table article add column thread_stamp bigint default 0 not null;

-- One for the whole site: bumped by a change to what every page shows (discussion settings, login providers,
-- registered sites).
create table page_stamp (
    id      integer primary key,
    stamp   bigint  not null,
    constraint page_stamp_single_row check (id = 1)
);
insert into page_stamp (id, stamp) values (1, 0);

create trigger comment_changes_thread after insert, update, delete on comment
    for each row call 'dev.parley.pagecache.H2StampTriggers$CommentChanged';
create trigger article_changed before update on article
    for each row call 'dev.parley.pagecache.H2StampTriggers$ArticleChanged';
create trigger discussion_settings_changed after insert, update, delete on discussion_settings
    call 'dev.parley.pagecache.H2StampTriggers$SiteChanged';
create trigger login_provider_changed after insert, update, delete on login_provider
    call 'dev.parley.pagecache.H2StampTriggers$SiteChanged';
create trigger site_changed after insert, update, delete on site
    call 'dev.parley.pagecache.H2StampTriggers$SiteChanged';
