-- Badges (勋章) members hold, one row per member and badge: granting twice, on any node, grants once.
-- A badge is kept when the count that earned it later drops (a like taken back, content deleted): it
-- marks a milestone that was reached. The badges themselves are configuration (forum.badges).
create table member_badge (
    member_id  bigint      not null references member (id),
    badge      varchar(40) not null,
    granted_at timestamptz not null,
    primary key (member_id, badge)
);
create index member_badge_badge_idx on member_badge (badge);

-- Badges count a member's entries of one reason that still stand.
create index ledger_entry_member_reason_idx on ledger_entry (member_id, reason);
