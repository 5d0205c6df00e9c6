-- A petition's votes are counted in 16 shards (by member id) so that members voting on the same
-- petition at once do not queue behind one row lock; petition.vote_count, used to sort lists, is
-- folded from the shards shortly after they change.
create table petition_vote_tally (
    petition_id bigint      not null references petition (id),
    shard       smallint    not null,
    votes       int         not null,
    changed_at  timestamptz not null,
    primary key (petition_id, shard)
);
create index petition_vote_tally_changed_idx on petition_vote_tally (changed_at);

insert into petition_vote_tally (petition_id, shard, votes, changed_at)
select petition_id, (member_id % 16)::smallint, count(*), now() from petition_vote group by 1, 2;
