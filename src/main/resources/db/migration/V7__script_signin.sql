-- A sign-in started from the script tag's thread, on its way back to the host page. The page's script cannot
-- carry Parley's cookie (third-party cookies are blocked), so Parley sends the reader back with a one-time code
-- in the address's fragment, which the script exchanges, once and within minutes, for a session of its own.
-- Only hashes are kept: neither the code nor the script's nonce can be read back from the database.
create table script_signin (
    code_hash        varchar(64)  primary key,
    identity_id      bigint       not null references reader_identity (id) on delete cascade,
    -- The origin of the host page the reader returns to: only that page's script may exchange the code.
    origin           varchar(300) not null,
    -- The hash of the nonce the script kept in the page when the sign-in started.
    nonce_hash       varchar(64)  not null,
    -- The draft the reader had typed (reply_draft.token_hash), handed to the script with the session.
    draft_hash       varchar(64),
    provider_logout  varchar(8000),
    expires_at       timestamp with time zone not null
);
