create schema if not exists catalog;

create table catalog.venue (
    id         uuid primary key,
    version    bigint        not null,
    county_id  uuid          not null,
    school_id  uuid          not null,
    name       varchar(50)   not null,
    kind       varchar(16)   not null,
    capacity   integer       not null,
    constraint venue_name_key unique (school_id, name),
    constraint venue_capacity_check check (capacity > 0)
);

create table catalog.course (
    id             uuid primary key,
    version        bigint         not null,
    county_id      uuid           not null,
    school_id      uuid           not null,
    name           varchar(50)    not null,
    category       varchar(24)    not null,
    activity_kind  varchar(24),
    goals          varchar(500),
    description    varchar(2000),
    provider_kind  varchar(16)    not null,
    provider_id    uuid,
    constraint course_name_key unique (school_id, name)
);

create index course_school_idx on catalog.course (school_id, category);

create table catalog.course_grade (
    course_id    uuid     not null references catalog.course (id) on delete cascade,
    county_id    uuid     not null,
    school_id    uuid     not null,
    grade_level  integer  not null,
    constraint course_grade_pk primary key (course_id, grade_level),
    constraint course_grade_check check (grade_level between 1 and 9)
);

create table catalog.slot_plan (
    id           uuid primary key,
    version      bigint       not null,
    county_id    uuid         not null,
    school_id    uuid         not null,
    term_id      uuid         not null,
    weekday      varchar(10)  not null,
    first_grade  integer      not null,
    last_grade   integer      not null,
    state        varchar(16)  not null,
    constraint slot_plan_grades_check check (first_grade between 1 and 9 and last_grade between first_grade and 9)
);

create index slot_plan_school_idx on catalog.slot_plan (school_id, term_id, weekday);

create table catalog.plan_slot (
    slot_plan_id      uuid          not null references catalog.slot_plan (id) on delete cascade,
    county_id         uuid          not null,
    school_id         uuid          not null,
    slot              varchar(16)   not null,
    starts_at         time          not null,
    ends_at           time          not null,
    activities        varchar(200)  not null,
    exercise_minutes  integer       not null,
    constraint plan_slot_pk primary key (slot_plan_id, slot),
    constraint plan_slot_times_check check (ends_at > starts_at),
    constraint plan_slot_exercise_check check (exercise_minutes >= 0)
);

create table catalog.offering (
    id                 uuid primary key,
    version            bigint         not null,
    county_id          uuid           not null,
    school_id          uuid           not null,
    course_id          uuid           not null references catalog.course (id),
    term_id            uuid           not null,
    weekday            varchar(10)    not null,
    slot               varchar(16)    not null,
    venue_id           uuid           not null references catalog.venue (id),
    capacity           integer        not null,
    fee                numeric(10, 2),
    exercise_minutes   integer        not null,
    slot_one_content   varchar(24),
    starts_on          date,
    ends_on            date,
    state              varchar(16)    not null,
    cancel_reason      varchar(200),
    constraint offering_capacity_check check (capacity > 0),
    constraint offering_fee_check check (fee is null or fee >= 0),
    constraint offering_exercise_check check (exercise_minutes >= 0)
);

create index offering_school_term_idx on catalog.offering (school_id, term_id, weekday, slot);
create index offering_venue_idx on catalog.offering (venue_id, weekday, slot);

create table catalog.offering_grade (
    offering_id  uuid     not null references catalog.offering (id) on delete cascade,
    county_id    uuid     not null,
    school_id    uuid     not null,
    grade_level  integer  not null,
    constraint offering_grade_pk primary key (offering_id, grade_level),
    constraint offering_grade_check check (grade_level between 1 and 9)
);

create table catalog.offering_instructor (
    offering_id    uuid  not null references catalog.offering (id) on delete cascade,
    county_id      uuid  not null,
    school_id      uuid  not null,
    instructor_id  uuid  not null,
    constraint offering_instructor_pk primary key (offering_id, instructor_id)
);

create index offering_instructor_idx on catalog.offering_instructor (instructor_id);

create table catalog.fee_notice (
    id            uuid primary key,
    version       bigint          not null,
    county_id     uuid            not null,
    school_id     uuid            not null,
    offering_id   uuid            not null references catalog.offering (id),
    content       varchar(2000)   not null,
    fee_standard  varchar(200)    not null,
    covers        varchar(500)    not null,
    refund_rule   varchar(500)    not null,
    payee         varchar(100)    not null,
    published_on  date            not null,
    constraint fee_notice_offering_key unique (offering_id)
);

create index fee_notice_school_idx on catalog.fee_notice (school_id, published_on);

create table catalog.exercise_minimum (
    id         uuid primary key,
    version    bigint   not null,
    county_id  uuid,
    minutes    integer  not null,
    constraint exercise_minimum_minutes_check check (minutes between 0 and 240)
);

create unique index exercise_minimum_county_key on catalog.exercise_minimum (county_id);

create table catalog.notice_period (
    id         uuid primary key,
    version    bigint   not null,
    county_id  uuid     not null,
    days       integer  not null,
    constraint notice_period_county_key unique (county_id),
    constraint notice_period_days_check check (days between 1 and 60)
);

create table catalog.opening (
    id          uuid primary key,
    version     bigint        not null,
    county_id   uuid          not null,
    school_id   uuid          not null,
    venue_id    uuid          not null references catalog.venue (id),
    on_date     date          not null,
    starts_at   time          not null,
    ends_at     time          not null,
    capacity    integer       not null,
    purpose     varchar(16)   not null,
    state       varchar(16)   not null,
    constraint opening_times_check check (ends_at > starts_at),
    constraint opening_capacity_check check (capacity > 0)
);

create index opening_school_idx on catalog.opening (school_id, on_date);

create table catalog.opening_supervisor (
    opening_id  uuid  not null references catalog.opening (id) on delete cascade,
    county_id   uuid  not null,
    school_id   uuid  not null,
    staff_id    uuid  not null,
    constraint opening_supervisor_pk primary key (opening_id, staff_id)
);
