-- How each staff member hears of comments that need them: a mail for each one (EACH, WordPress's default),
-- an hourly or daily digest, or nothing. digest_sent_at is the end of the last digest's window: the digest job
-- moves it forward with a conditional update, so that of two instances only one sends a given digest.
alter table account add column mail_alerts varchar(16) default 'EACH' not null;
alter table account add column digest_sent_at timestamp with time zone;
alter table reader_identity add column mail_alerts varchar(16) default 'EACH' not null;
alter table reader_identity add column digest_sent_at timestamp with time zone;
