-- The petitions search index stores index_version as each document's external version. A number is
-- drawn from the sequence whenever a column the document shows changes, by the trigger below, in the
-- transaction that changes it and while that transaction holds the row: whatever code path makes the
-- change, a document copied from a later state carries a larger number, so Elasticsearch refuses a
-- late write of an older state (a slow indexer, a rebuild's backfill, a repeated delivery).
create sequence petition_index_version_seq;
-- Documents indexed before this migration carry their status-change time in epoch milliseconds as
-- version; starting above it (with a day's margin for clock skew) lets new writes replace them.
select setval('petition_index_version_seq', (extract(epoch from now()) * 1000)::bigint + 86400000);
alter table petition add column index_version bigint not null default nextval('petition_index_version_seq');
alter sequence petition_index_version_seq owned by petition.index_version;

create function petition_next_index_version() returns trigger language plpgsql as $$
begin
    new.index_version := nextval('petition_index_version_seq');
    return new;
end
$$;

create trigger petition_index_version before update on petition for each row
    when (old.title is distinct from new.title or old.board_id is distinct from new.board_id
          or old.status is distinct from new.status or old.status_changed_at is distinct from new.status_changed_at
          or old.vote_count is distinct from new.vote_count or old.created_at is distinct from new.created_at)
    execute function petition_next_index_version();
