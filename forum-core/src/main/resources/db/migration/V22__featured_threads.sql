-- Featured threads (精华): chosen by moderators, listed newest-featured first across the forum and
-- per board.
alter table topic add column featured_at timestamptz, add column featured_by bigint references member (id);
create index topic_featured_idx on topic (featured_at desc, id desc) where featured_at is not null and deleted_at is null;
-- "hot this week": the threads started in the last seven days, by hot score
create index topic_created_hot_idx on topic (created_at, hot_score desc) where deleted_at is null;
