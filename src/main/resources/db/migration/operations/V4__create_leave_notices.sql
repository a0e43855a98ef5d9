-- Leave a guardian reports beforehand for their own child (OPS-1): a day, optionally one slot, and why. The school
-- sees it, and the roll call of the child's sessions that day starts with the child on excused leave.
create table operations.leave_notice (
    id           uuid primary key,
    county_id    uuid          not null,
    school_id    uuid          not null,
    student_id   uuid          not null,
    class_id     uuid          not null,
    on_date      date          not null,
    slot         varchar(16),
    reason       varchar(200)  not null,
    guardian_id  uuid          not null,
    account_id   uuid          not null,
    reported_at  timestamp     not null,
    constraint leave_notice_slot_check check (
        slot is null or case slot when 'SLOT_1' then 1 when 'SLOT_2' then 1 when 'EVENING' then 1 else 0 end = 1)
);

create index leave_notice_school_day_idx on operations.leave_notice (school_id, on_date);
create index leave_notice_student_idx on operations.leave_notice (student_id, on_date);
