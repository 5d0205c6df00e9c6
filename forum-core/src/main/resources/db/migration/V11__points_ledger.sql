-- The ledgers of points (a currency members earn and spend) and reputation (the community's trust,
-- earned from what others do with a member's content). Both are append-only: every change is an
-- entry with a key derived from its cause, unique per account, so a replayed event or a double click
-- posts nothing twice. Mistakes are corrected by compensating entries (reverses_id), never by
-- updating or deleting; the trigger below refuses both.
create table ledger_entry (
    id               bigint generated always as identity primary key,
    member_id        bigint       not null references member (id),
    account          varchar(16)  not null check (account in ('POINTS', 'REPUTATION')),
    amount           int          not null,
    reason           varchar(40)  not null,
    cause_key        varchar(200) not null,
    -- the content the entry is about (topic:12, reply:34, petition:5) and the thread or petition it
    -- belongs to, so that deleting content reverses everything it earned
    subject          varchar(60),
    parent           varchar(60),
    -- whose action earned it (the liker, the voter), for serial-voting detection
    source_member_id bigint references member (id),
    reverses_id      bigint references ledger_entry (id),
    -- the member's calendar day when it was posted, in their time zone, for daily caps
    local_day        date         not null,
    note             varchar(500),
    actor_id         bigint references member (id),
    created_at       timestamptz  not null,
    unique (account, cause_key)
);
create index ledger_entry_member_idx on ledger_entry (member_id, account, id desc);
create index ledger_entry_day_idx on ledger_entry (member_id, account, local_day, reason);
create index ledger_entry_subject_idx on ledger_entry (subject) where subject is not null;
create index ledger_entry_parent_idx on ledger_entry (parent) where parent is not null;
create index ledger_entry_source_idx on ledger_entry (source_member_id, member_id, created_at)
    where source_member_id is not null;
create unique index ledger_entry_reversal_idx on ledger_entry (reverses_id) where reverses_id is not null;

create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only: correct them with a compensating entry';
end $$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();

-- The balance kept for speed, in the same transaction as each entry; LedgerReconciliation checks it
-- against the sum of the entries. held is what open holds (points shop, launches) set aside.
create table ledger_balance (
    member_id  bigint      not null references member (id),
    account    varchar(16) not null,
    balance    bigint      not null,
    held       bigint      not null default 0 check (held >= 0),
    updated_at timestamptz not null,
    primary key (member_id, account),
    -- points are never spent or reversed below zero; reputation may fall below it
    check (account <> 'POINTS' or balance >= held)
);

-- Content that was deleted: whatever it earned is reversed, and an earning that arrives after the
-- deletion (events are delivered in no particular order) posts nothing.
create table ledger_withdrawn_subject (
    subject    varchar(60) primary key,
    at         timestamptz not null
);

-- Points set aside for a purchase: captured (an entry) when fulfilled, released when cancelled or
-- expired. An open hold's amount is in ledger_balance.held.
create table points_hold (
    id          bigint generated always as identity primary key,
    member_id   bigint       not null references member (id),
    amount      int          not null check (amount > 0),
    purpose     varchar(40)  not null,
    cause_key   varchar(200) not null unique,
    state       varchar(10)  not null check (state in ('HELD', 'CAPTURED', 'RELEASED')),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    settled_at  timestamptz,
    entry_id    bigint references ledger_entry (id)
);
create index points_hold_open_idx on points_hold (expires_at) where state = 'HELD';
create index points_hold_member_idx on points_hold (member_id, id desc);

-- One check-in per member and day (in the member's zone), with the streak it continued.
create table check_in (
    member_id bigint      not null references member (id),
    day       date        not null,
    streak    int         not null check (streak > 0),
    at        timestamptz not null,
    primary key (member_id, day)
);
