-- Keys the app makes once and shares between its nodes (the image proxy's signing key).
create table content_key (
    name   text primary key,
    secret bytea not null
);
