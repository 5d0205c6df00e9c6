-- Where each kind of notification goes for a member: the centre (the default, kept as no row), the centre
-- and e-mail, or nowhere.
create table notification_preference (
    member_id bigint      not null references member (id),
    kind      varchar(40) not null,
    channel   varchar(8)  not null check (channel in ('CENTRE', 'EMAIL', 'OFF')),
    primary key (member_id, kind)
);

-- The members whose likes of a post its author was told of: a like is counted once however often its
-- event arrives, and a like taken back and given again does not tell the author twice.
create table notification_like (
    post_kind varchar(8) not null,
    post_id   bigint     not null,
    liker_id  bigint     not null references member (id),
    primary key (post_kind, post_id, liker_id)
);

-- When a member was last e-mailed a notification; the row is locked while deciding whether the next one
-- goes now or waits for the digest.
create table notification_mail_window (
    recipient_id bigint primary key references member (id),
    last_mail_at timestamptz
);

-- Notifications whose e-mail waits for the member's digest; gone with the notification (a regrouped
-- like notification replaces its row).
create table notification_mail_pending (
    notification_id bigint      primary key references notification (id) on delete cascade,
    recipient_id    bigint      not null references member (id),
    created_at      timestamptz not null
);
create index notification_mail_pending_recipient_idx on notification_mail_pending (recipient_id);
