-- Keys the app makes once and shares between its nodes (the image proxy's signing key).
create table content_key (
    name   text primary key,
    secret bytea not null
);

-- Posts per member (threads, replies, petitions), counted by the trust checks as they admit each one;
-- what members posted before this table existed is counted once here.
create table member_trust (
    member_id bigint primary key references member (id),
    posts     bigint not null default 0
);
insert into member_trust (member_id, posts)
select author_id, count(*) from (
    select author_id from topic
    union all select author_id from reply
    union all select author_id from petition
) posted
group by author_id;

-- Refusals that count against a member (the same text again, a burst of posts).
create table member_offence (
    id        bigserial primary key,
    member_id bigint      not null references member (id),
    kind      text        not null,
    at        timestamptz not null
);
create index member_offence_member_at on member_offence (member_id, at);

-- Silences: the member may not post from starts_at to ends_at; the nth silence lasts longer.
create table member_silence (
    id        bigserial primary key,
    member_id bigint      not null references member (id),
    nth       int         not null,
    reason    text        not null,
    starts_at timestamptz not null,
    ends_at   timestamptz not null
);
create index member_silence_member_ends on member_silence (member_id, ends_at);

-- Earlier versions of posts a moderator hid from the public history; the revisions themselves stay
-- as written, and showing one again deletes its row here.
create table post_revision_hidden (
    revision_id bigint primary key references post_revision (id),
    hidden_by   bigint      not null references member (id),
    hidden_at   timestamptz not null,
    note        varchar(500)
);

-- The audit log of staff actions, written by listeners of the features' events (one row per event,
-- by its key) and read by admins; append-only: the trigger refuses updates and deletes.
create table staff_audit (
    id        bigint generated always as identity primary key,
    event_key text        not null unique,
    at        timestamptz not null,
    actor_id  bigint references member (id),
    action    text        not null,
    subject   text        not null,
    details   text
);
create index staff_audit_at on staff_audit (at desc, id desc);
create index staff_audit_action on staff_audit (action, at desc);
create index staff_audit_actor on staff_audit (actor_id, at desc);

create function staff_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end $$;
create trigger staff_audit_append_only before update or delete on staff_audit
    for each row execute function staff_audit_append_only();
create trigger staff_audit_no_truncate before truncate on staff_audit
    for each statement execute function staff_audit_append_only();
