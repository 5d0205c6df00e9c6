-- Images members uploaded, one row per member and image (an image uploaded again by the same member is
-- the same row): the day's quota counts these rows, and a later cleanup finds in stored_keys what each
-- one put into the store. The files are named after the image's content (content_key), so one image
-- uploaded by two members is kept once.
create table upload (
    id             bigserial primary key,
    owner_id       bigint      not null references member (id),
    purpose        varchar(10) not null check (purpose in ('post', 'avatar')),
    content_key    varchar(64) not null,
    stored_keys    text[]      not null,
    original_bytes bigint      not null,
    stored_bytes   bigint      not null,
    width          int         not null,
    height         int         not null,
    created_at     timestamptz not null,
    unique (owner_id, purpose, content_key)
);
create index upload_owner_created_idx on upload (owner_id, created_at);
create index upload_content_key_idx on upload (content_key);
