-- Members following members: the followed member's new threads fill the follower's feed.
create table member_follow (
    follower_id bigint      not null references member (id),
    followee_id bigint      not null references member (id),
    created_at  timestamptz not null,
    primary key (follower_id, followee_id),
    check (follower_id <> followee_id)
);
-- the followers of a member, walked in batches by follower id when they start a thread
create index member_follow_followee_idx on member_follow (followee_id, follower_id);

-- What a member says of themselves: a short Markdown bio on their profile, a one-line signature under
-- their posts, and the device they post from (one of forum.members.devices), each null until chosen.
alter table member add column bio text, add column signature text, add column device text;
