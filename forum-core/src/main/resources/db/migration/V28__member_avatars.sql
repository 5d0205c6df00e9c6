-- A member's avatar: the content key its square sizes are named after ({key}-s{size}.{extension}).
-- No row: the member shows the initial of their name.
create table member_avatar (
    member_id   bigint      primary key references member (id),
    content_key varchar(64) not null,
    extension   varchar(4)  not null,
    changed_at  timestamptz not null
);
