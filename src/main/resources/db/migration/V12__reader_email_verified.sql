-- Whether the login provider vouched for the reader's address (the OpenID Connect claim email_verified): such
-- an address needs no confirmation mail before Parley mails it.
ALTER TABLE reader_identity ADD COLUMN email_verified BOOLEAN DEFAULT FALSE NOT NULL;
