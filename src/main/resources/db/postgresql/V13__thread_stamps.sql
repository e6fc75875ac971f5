-- Stamps that say when what anonymous readers see has changed, so that every instance can tell within a moment
-- whether a thread it rendered earlier is still right (pagecache/SharedPages). Kept by triggers, so that no write
-- path (a moderator's decision, a bulk action, the purge, an edit in the admin area) can forget them.
-- The H2 build has the same triggers in Java (db/h2).

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

create function parley_comment_changes_thread() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        update article set thread_stamp = thread_stamp + 1 where id = old.article_id;
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.article_id <> old.article_id) then
        update article set thread_stamp = thread_stamp + 1 where id = new.article_id;
    end if;
    return null;
end
$$;

-- A new comment counts only when readers see it at once (a staff member's, or one a rule published); a held one
-- does not change the thread anonymous readers see.
create trigger comment_added_to_thread after insert on comment
    for each row when (new.status = 'APPROVED')
    execute function parley_comment_changes_thread();

-- Only the columns the thread shows: the purge forgetting addresses, or a new report, does not count.
create trigger comment_changed_in_thread after update on comment
    for each row when (
        old.status is distinct from new.status
        or old.body is distinct from new.body
        or old.author_name is distinct from new.author_name
        or old.author_url is distinct from new.author_url
        or old.parent_id is distinct from new.parent_id
        or old.article_id is distinct from new.article_id
        or old.hidden_by_reports is distinct from new.hidden_by_reports
        or old.by_staff is distinct from new.by_staff
        or old.created_at is distinct from new.created_at
        or old.edited_at is distinct from new.edited_at)
    execute function parley_comment_changes_thread();

create trigger comment_removed_from_thread after delete on comment
    for each row when (old.status = 'APPROVED')
    execute function parley_comment_changes_thread();

create function parley_article_changed() returns trigger language plpgsql as $$
begin
    if new.thread_stamp = old.thread_stamp then
        new.thread_stamp := old.thread_stamp + 1;
    end if;
    return new;
end
$$;

create trigger article_changed before update on article
    for each row execute function parley_article_changed();

create function parley_site_changed() returns trigger language plpgsql as $$
begin
    update page_stamp set stamp = stamp + 1 where id = 1;
    return null;
end
$$;

create trigger discussion_settings_changed after insert or update or delete on discussion_settings
    for each statement execute function parley_site_changed();
create trigger login_provider_changed after insert or update or delete on login_provider
    for each statement execute function parley_site_changed();
create trigger site_changed after insert or update or delete on site
    for each statement execute function parley_site_changed();
