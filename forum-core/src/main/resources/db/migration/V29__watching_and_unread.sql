-- How closely a member follows a thread or a board: WATCHING (told of every reply), TRACKING (unread counts,
-- no notification), NORMAL (the default, kept as no row: only replies to them and mentions) or MUTED (left
-- out of their new and unread lists, told of nothing but mentions). A thread's row overrides its board's.
create table topic_notification_level (
    member_id bigint      not null references member (id),
    topic_id  bigint      not null references topic (id),
    level     varchar(10) not null check (level in ('WATCHING', 'TRACKING', 'NORMAL', 'MUTED')),
    primary key (member_id, topic_id)
);
-- the watchers of a thread, walked in batches by member id
create index topic_notification_level_topic_idx on topic_notification_level (topic_id, level, member_id);

create table board_notification_level (
    member_id bigint      not null references member (id),
    board_id  bigint      not null references board (id),
    level     varchar(10) not null check (level in ('WATCHING', 'TRACKING', 'NORMAL', 'MUTED')),
    primary key (member_id, board_id)
);
create index board_notification_level_board_idx on board_notification_level (board_id, level, member_id);

-- The newest reply (by id, the order a thread shows them) a member has seen of a thread; 0 when the thread
-- was opened before it had replies. A row means the member has opened the thread.
create table topic_read (
    member_id          bigint      not null references member (id),
    topic_id           bigint      not null references topic (id),
    last_read_reply_id bigint      not null,
    read_at            timestamptz not null,
    primary key (member_id, topic_id)
);

-- Threads started before this time are not "new" for the member any more (they dismissed them).
create table member_new_dismissed (
    member_id    bigint primary key references member (id),
    dismissed_at timestamptz not null
);
