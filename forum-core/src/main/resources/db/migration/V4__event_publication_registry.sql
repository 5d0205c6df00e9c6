-- Domain events move from the hand-written outbox to Spring Modulith's event publication registry.
-- Deliveries still owed by the old outbox are not carried over: both of its consumers (search and
-- notifications) are repaired by a reindex and by idempotent notification keys respectively, and
-- the outbox was only ever run in development.
drop table outbox_message;

-- Spring Modulith's JDBC registry (schema version 2), one row per event and listener, written in the
-- transaction that published the event.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_status_idx on event_publication (status, publication_date);

-- Completed publications are moved here (completion mode ARCHIVE), so the live table holds only
-- what is still owed; a scheduled job deletes archived rows after the retention period.
create table event_publication_archive (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

-- What Modulith does not keep: why a delivery failed last.
create table event_publication_failure (
    publication_id uuid        not null primary key,
    last_error     text        not null,
    failed_at      timestamptz not null
);

-- Publications that failed more often than the retry bound allows: out of the registry, so they
-- neither block retries of others nor retry forever, and kept here until an admin resubmits them.
create table event_publication_abandoned (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_attempts    int         not null,
    last_resubmission_date timestamptz,
    last_error             text,
    abandoned_at           timestamptz not null
);

-- Mail is now sent by an event listener; the table keeps what was sent, the registry the retries.
alter table outgoing_email drop column attempts, drop column next_attempt_at, drop column last_error;
drop index if exists outgoing_email_due_idx;
create index outgoing_email_unsent_idx on outgoing_email (dedupe_key) where sent_at is null;
