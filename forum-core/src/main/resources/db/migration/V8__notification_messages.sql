-- A notification's words are rendered in the reader's language when it is read: the message key and
-- its arguments (strings) are kept; title and body keep the text as first written, in
-- the forum's fallback language, for notifications without a key and for anyone reading the table.
alter table notification add column message_key text;
alter table notification add column message_args text[];
alter table notification add column body_key text;
