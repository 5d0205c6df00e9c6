-- Serial voting (one member liking or voting for another's content again and again, or a ring of new
-- accounts giving most of their likes and votes to one member) found by the nightly job, and reversed
-- with compensating entries in both ledgers.
create table serial_voting_case (
    id                  bigint generated always as identity primary key,
    target_id           bigint       not null references member (id),
    -- SERIAL: one member's votes for another; RING: new accounts' votes for one member
    pattern             varchar(10)  not null check (pattern in ('SERIAL', 'RING')),
    source_ids          bigint[]     not null,
    -- the posts and petitions voted for, and the ledger entries they earned the target
    votes               int          not null,
    entries_reversed    int          not null,
    -- what the reversals took back (points already spent stay spent, so this may be less than earned)
    points_reversed     bigint       not null,
    reputation_reversed bigint       not null,
    window_start        timestamptz  not null,
    detected_at         timestamptz  not null
);
create index serial_voting_case_target_idx on serial_voting_case (target_id, id desc);

-- Every entry a case judged, reversed or not (an entry a daily cap left at zero has nothing to take
-- back): the primary key keeps an entry to one case, and the job leaves judged entries alone.
create table serial_voting_entry (
    entry_id    bigint primary key references ledger_entry (id),
    case_id     bigint not null references serial_voting_case (id),
    -- the compensating entry, or null when there was nothing to take back
    reversal_id bigint references ledger_entry (id)
);
create index serial_voting_entry_case_idx on serial_voting_entry (case_id);
