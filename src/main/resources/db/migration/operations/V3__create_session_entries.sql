-- What was recorded of each child in a session (an offering on one date): the roll call (OPS-1) and, in slot-1
-- sessions, the homework completion (CONTENT-5). Rows are only ever inserted: a later save of the same session adds
-- a further entry of the child (entry_no 2, 3 ...) that supersedes the earlier one. Each school's entries form one
-- hash chain (chain_no 1, 2 ...): entry_hash is the SHA-256 of the entry's content and the previous entry's hash,
-- so a row changed or slipped in by direct SQL breaks the chain (ADR 0013).
create table operations.session_entry (
    id                uuid primary key,
    county_id         uuid          not null,
    school_id         uuid          not null,
    chain_no          bigint        not null,
    kind              varchar(10)   not null,
    offering_id       uuid          not null,
    on_date           date          not null,
    student_id        uuid          not null,
    class_id          uuid          not null,
    grade_level       integer       not null,
    entry_no          integer       not null,
    mark              varchar(12)   not null,
    reason            varchar(200),
    recorded_at       timestamp     not null,
    recorded_by       uuid          not null,
    recorded_by_name  varchar(100)  not null,
    previous_hash     varchar(64)   not null,
    entry_hash        varchar(64)   not null,
    constraint session_entry_chain_key unique (school_id, chain_no),
    constraint session_entry_entry_key unique (kind, offering_id, on_date, student_id, entry_no),
    constraint session_entry_kind_check check (
        case kind when 'ROLL_CALL' then 1 when 'HOMEWORK' then 1 else 0 end = 1),
    constraint session_entry_mark_check check (
        case mark when 'PRESENT' then 1 when 'LATE' then 1 when 'ABSENT' then 1 when 'LEAVE' then 1
          when 'DONE' then 1 when 'MOSTLY_DONE' then 1 when 'NOT_DONE' then 1 else 0 end = 1)
);

create index session_entry_session_idx on operations.session_entry (offering_id, on_date, kind, student_id);
create index session_entry_school_day_idx on operations.session_entry (school_id, kind, on_date);

-- The head of each school's chain: the number and hash of its last entry. Appending locks this row, so the entries
-- of one school are chained one save after another while schools append side by side.
create table operations.session_chain (
    school_id  uuid primary key,
    county_id  uuid         not null,
    last_no    bigint       not null,
    last_hash  varchar(64)  not null
);
