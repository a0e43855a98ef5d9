create schema if not exists enrollment;

-- Groups in which a school looks after the children of extended care together (集中看管, SCOPE-2).
create table enrollment.care_group (
    id               uuid primary key,
    version          bigint        not null,
    county_id        uuid          not null,
    school_id        uuid          not null,
    name             varchar(50)   not null,
    supervisor_id    uuid          not null,
    supervisor_name  varchar(50)   not null,
    room             varchar(50)   not null,
    venue_id         uuid,
    formed_at        timestamp     not null,
    constraint care_group_name_key unique (school_id, name)
);

-- Early arrival before the morning start (提前到校看护, SCOPE-1). The child's name and class are kept as filed, for
-- the printed lists; a request stating a special need is never declined.
create table enrollment.early_arrival_request (
    id               uuid primary key,
    version          bigint        not null,
    county_id        uuid          not null,
    school_id        uuid          not null,
    student_id       uuid          not null,
    student_name     varchar(50)   not null,
    grade_level      integer       not null,
    class_name       varchar(50)   not null,
    guardian_id      uuid          not null,
    first_day        date          not null,
    last_day         date          not null,
    arrival_time     time          not null,
    reason           varchar(300)  not null,
    special_need     boolean       not null,
    status           varchar(16)   not null,
    care_staff_id    uuid,
    care_staff_name  varchar(50),
    decline_reason   varchar(300),
    submitted_at     timestamp     not null,
    decided_at       timestamp,
    constraint early_arrival_days_check check (last_day >= first_day),
    constraint early_arrival_status_check check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    constraint early_arrival_staff_check check (status <> 'ACCEPTED' or care_staff_id is not null),
    constraint early_arrival_decline_check check (status <> 'DECLINED' or (decline_reason is not null and not special_need))
);

create index early_arrival_school_idx on enrollment.early_arrival_request (school_id, status, first_day);
create index early_arrival_student_idx on enrollment.early_arrival_request (student_id);

-- Extended care after the after-school service (延时托管, SCOPE-2), on some weekdays, picked up by a latest time.
create table enrollment.extended_care_request (
    id               uuid primary key,
    version          bigint        not null,
    county_id        uuid          not null,
    school_id        uuid          not null,
    student_id       uuid          not null,
    student_name     varchar(50)   not null,
    grade_level      integer       not null,
    class_name       varchar(50)   not null,
    guardian_id      uuid          not null,
    first_day        date          not null,
    last_day         date          not null,
    pickup_by        time          not null,
    reason           varchar(300)  not null,
    status           varchar(16)   not null,
    care_group_id    uuid          references enrollment.care_group (id),
    decline_reason   varchar(300),
    submitted_at     timestamp     not null,
    decided_at       timestamp,
    constraint extended_care_days_check check (last_day >= first_day),
    constraint extended_care_status_check check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    constraint extended_care_group_check check (status <> 'ACCEPTED' or care_group_id is not null),
    constraint extended_care_decline_check check (status <> 'DECLINED' or decline_reason is not null)
);

create index extended_care_school_idx on enrollment.extended_care_request (school_id, status, first_day);
create index extended_care_student_idx on enrollment.extended_care_request (student_id);
create index extended_care_group_idx on enrollment.extended_care_request (care_group_id);

create table enrollment.extended_care_weekday (
    request_id  uuid         not null references enrollment.extended_care_request (id) on delete cascade,
    county_id   uuid         not null,
    school_id   uuid         not null,
    weekday     varchar(10)  not null,
    constraint extended_care_weekday_pk primary key (request_id, weekday),
    constraint extended_care_weekday_check check (weekday in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'))
);

-- What happened to each request, who did it and when; rows are only ever inserted.
create table enrollment.care_request_history (
    id           uuid primary key,
    request_id   uuid          not null,
    kind         varchar(16)   not null,
    county_id    uuid          not null,
    school_id    uuid          not null,
    occurred_at  timestamp     not null,
    actor_id     uuid          not null,
    actor_name   varchar(100)  not null,
    action       varchar(16)   not null,
    detail       varchar(300),
    constraint care_request_history_kind_check check (kind in ('EARLY_ARRIVAL', 'EXTENDED_CARE'))
);

create index care_request_history_request_idx on enrollment.care_request_history (request_id, occurred_at);
