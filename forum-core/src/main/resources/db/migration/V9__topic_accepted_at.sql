-- When a question was solved: set when an answer is accepted while none is, kept when the asker
-- switches to another answer, cleared when the accepted answer is deleted. The employees' dashboard
-- measures the time to a solution from it.
alter table topic add column accepted_at timestamptz;
-- Questions solved before this column existed: the accepted reply's own time is the earliest the
-- answer can have been accepted, and the closest the database can tell.
update topic t set accepted_at = r.created_at from reply r where r.id = t.accepted_reply_id;
create index topic_accepted_idx on topic (accepted_at) where accepted_at is not null and deleted_at is null;
