-- Pre-booking launches. PostgreSQL is the source of truth: taken counts the active (pending and
-- confirmed) reservations and is only ever raised by a conditional update that cannot pass slots;
-- the check below is the last guard. Redis admits attempts in front of it (see launch.Admission).
create table launch (
    id            bigint generated always as identity primary key,
    product       varchar(120) not null,
    slots         int          not null check (slots > 0),
    taken         int          not null default 0 check (taken >= 0),
    opens_at      timestamptz  not null,
    points_price  int check (points_price > 0),
    validity_secs bigint       not null check (validity_secs > 0),
    state         varchar(8)   not null check (state in ('DRAFT', 'OPEN', 'PAUSED', 'CLOSED')),
    created_by    bigint       not null references member (id),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    check (taken <= slots)
);

-- Priority windows: members of min_level and above may reserve from opens_before ahead of opens_at.
create table launch_window (
    launch_id         bigint not null references launch (id) on delete cascade,
    min_level         int    not null check (min_level > 0),
    opens_before_secs bigint not null check (opens_before_secs > 0),
    primary key (launch_id, min_level)
);

-- A reservation's code is stored as issued: the member reads it on their profile and shows it in the
-- store, and it is only ever shown to them and to staff redeeming it (see Reservations).
create table launch_reservation (
    id          bigint generated always as identity primary key,
    launch_id   bigint      not null references launch (id),
    member_id   bigint      not null references member (id),
    code        varchar(32) not null unique,
    state       varchar(9)  not null check (state in ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
    hold_id     bigint unique references points_hold (id),
    promoted    boolean     not null default false,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    reminded_at timestamptz,
    settled_at  timestamptz,
    settled_by  bigint references member (id)
);
-- one active reservation per member and launch
create unique index launch_reservation_active on launch_reservation (launch_id, member_id)
    where state in ('PENDING', 'CONFIRMED');
create index launch_reservation_member on launch_reservation (member_id, id desc);
create index launch_reservation_pending on launch_reservation (expires_at) where state = 'PENDING';

-- Members waiting for a slot of a sold-out launch, served in the order they joined.
create table launch_waitlist (
    id        bigint generated always as identity primary key,
    launch_id bigint      not null references launch (id),
    member_id bigint      not null references member (id),
    joined_at timestamptz not null,
    unique (launch_id, member_id)
);

-- Members who asked to be told when their window opens; notified_at once they were.
create table launch_watch (
    launch_id   bigint      not null references launch (id),
    member_id   bigint      not null references member (id),
    created_at  timestamptz not null,
    notified_at timestamptz,
    primary key (launch_id, member_id)
);
create index launch_watch_unnotified on launch_watch (launch_id) where notified_at is null;

-- Everything that happened to a launch and its reservations, append-only.
create table launch_audit (
    id             bigint generated always as identity primary key,
    launch_id      bigint      not null references launch (id),
    reservation_id bigint references launch_reservation (id),
    member_id      bigint references member (id),
    actor_id       bigint references member (id),
    action         varchar(24) not null,
    detail         varchar(300),
    at             timestamptz not null
);
create index launch_audit_launch on launch_audit (launch_id, id);

create function launch_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'launch_audit is append-only';
end $$;
create trigger launch_audit_append_only before update or delete on launch_audit
    for each row execute function launch_audit_append_only();
