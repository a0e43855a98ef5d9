create schema if not exists organization;

create table organization.city (
    id       uuid primary key,
    version  bigint       not null,
    code     varchar(6)   not null,
    name     varchar(50)  not null,
    name_en  varchar(50)  not null
);

create table organization.county (
    id          uuid primary key,
    version     bigint       not null,
    city_id     uuid         not null references organization.city (id),
    code        varchar(6)   not null,
    name        varchar(50)  not null,
    name_en     varchar(50)  not null,
    kind        varchar(16)  not null,
    sort_order  integer      not null,
    constraint county_code_key unique (code)
);

create table organization.school (
    id          uuid primary key,
    version     bigint        not null,
    county_id   uuid          not null references organization.county (id),
    code        varchar(20)   not null,
    name        varchar(100)  not null,
    stage       varchar(16)   not null,
    address     varchar(200),
    demo        boolean       not null,
    created_at  timestamp     not null,
    constraint school_code_key unique (code)
);

create index school_county_idx on organization.school (county_id, name);

create table organization.staff (
    id          uuid primary key,
    version     bigint        not null,
    county_id   uuid          not null,
    school_id   uuid          not null references organization.school (id),
    staff_no    varchar(32)   not null,
    name        varchar(50)   not null,
    mobile      varchar(11),
    position    varchar(16)   not null,
    subject     varchar(50),
    demo        boolean       not null,
    constraint staff_no_key unique (staff_no)
);

create index staff_school_idx on organization.staff (school_id, name);

create table organization.school_class (
    id               uuid primary key,
    version          bigint       not null,
    county_id        uuid         not null,
    school_id        uuid         not null references organization.school (id),
    grade_level      integer      not null,
    name             varchar(30)  not null,
    entry_year       integer      not null,
    head_teacher_id  uuid references organization.staff (id),
    constraint school_class_name_key unique (school_id, grade_level, name),
    constraint school_class_grade_check check (grade_level between 1 and 9)
);

create table organization.student (
    id                 uuid primary key,
    version            bigint        not null,
    county_id          uuid          not null,
    school_id          uuid          not null references organization.school (id),
    class_id           uuid          not null references organization.school_class (id),
    name               varchar(50)   not null,
    id_number_cipher   varchar(100)  not null,
    id_number_hash     char(64)      not null,
    id_number_masked   varchar(18)   not null,
    sex                varchar(8)    not null,
    birth_date         date          not null,
    demo               boolean       not null,
    created_at         timestamp     not null,
    constraint student_id_number_key unique (id_number_hash)
);

create index student_school_idx on organization.student (school_id, name);
create index student_class_idx on organization.student (class_id, name);

create table organization.guardian (
    id                 uuid primary key,
    version            bigint        not null,
    name               varchar(50)   not null,
    mobile             varchar(11)   not null,
    id_number_cipher   varchar(100),
    id_number_hash     char(64),
    demo               boolean       not null,
    created_at         timestamp     not null,
    constraint guardian_mobile_key unique (mobile)
);

create table organization.student_guardian (
    student_id   uuid         not null references organization.student (id) on delete cascade,
    guardian_id  uuid         not null references organization.guardian (id),
    relation     varchar(16)  not null,
    primary_contact boolean   not null,
    constraint student_guardian_pk primary key (student_id, guardian_id)
);

create index student_guardian_guardian_idx on organization.student_guardian (guardian_id);

create table organization.term (
    id          uuid primary key,
    version     bigint       not null,
    county_id   uuid         not null,
    school_id   uuid         not null references organization.school (id),
    school_year integer      not null,
    kind        varchar(8)   not null,
    starts_on   date         not null,
    ends_on     date         not null,
    constraint term_key unique (school_id, school_year, kind),
    constraint term_dates_check check (ends_on > starts_on)
);

create table organization.calendar_day (
    term_id   uuid         not null references organization.term (id) on delete cascade,
    on_date   date         not null,
    kind      varchar(16)  not null,
    note      varchar(100),
    constraint calendar_day_pk primary key (term_id, on_date)
);

create table organization.import_job (
    id           uuid primary key,
    county_id    uuid          not null,
    school_id    uuid          not null,
    actor        varchar(64)   not null,
    file_name    varchar(200)  not null,
    status       varchar(16)   not null,
    total_rows   integer       not null,
    done_rows    integer       not null,
    created      integer       not null,
    updated      integer       not null,
    errors       text,
    started_at   timestamp     not null,
    finished_at  timestamp
);
