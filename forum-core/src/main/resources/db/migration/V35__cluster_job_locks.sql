-- One row per cluster-wide job (ShedLock's table): the node that holds a run and until when. Times are
-- the database's own, written and compared by the lock's statements.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
