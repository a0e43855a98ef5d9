create table catalog.service_time (
    id           uuid primary key,
    version      bigint       not null,
    county_id    uuid         not null,
    school_id    uuid         not null,
    term_id      uuid         not null,
    kind         varchar(16)  not null,
    offered      boolean      not null,
    starts_at    time,
    ends_at      time,
    first_grade  integer      not null,
    last_grade   integer      not null,
    constraint service_time_kind_key unique (school_id, term_id, kind),
    constraint service_time_times_check check (starts_at is null or ends_at is null or ends_at > starts_at),
    constraint service_time_offered_check check (not offered or (starts_at is not null and ends_at is not null)),
    constraint service_time_grades_check check (first_grade between 1 and 9 and last_grade between first_grade and 9)
);
