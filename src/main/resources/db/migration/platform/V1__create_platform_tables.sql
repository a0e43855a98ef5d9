create schema if not exists platform;

create table platform.user_account (
    id              uuid primary key,
    version         bigint       not null,
    display_name    varchar(100) not null,
    mobile          varchar(11),
    staff_no        varchar(32),
    password_hash   varchar(100) not null,
    roles           varchar(200) not null,
    county_id       uuid,
    school_id       uuid,
    staff_id        uuid,
    guardian_id     uuid,
    institution_id  uuid,
    enabled         boolean      not null,
    demo            boolean      not null,
    created_at      timestamp    not null,
    constraint user_account_mobile_key unique (mobile),
    constraint user_account_staff_no_key unique (staff_no)
);

create index user_account_guardian_idx on platform.user_account (guardian_id);
create index user_account_staff_idx on platform.user_account (staff_id);

create table platform.login_throttle (
    login_key     varchar(64) primary key,
    failures      integer     not null,
    locked_until  timestamp
);

create table platform.audit_event (
    id            uuid primary key,
    occurred_at   timestamp    not null,
    actor         varchar(64)  not null,
    action        varchar(64)  not null,
    object_type   varchar(64)  not null,
    object_id     uuid         not null,
    county_id     uuid,
    school_id     uuid,
    before_state  text,
    after_state   text
);

create index audit_event_object_idx on platform.audit_event (object_id, occurred_at);
create index audit_event_school_idx on platform.audit_event (school_id, occurred_at);

create table spring_session (
    primary_id             char(36)     not null,
    session_id             char(36)     not null,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  integer      not null,
    expiry_time            bigint       not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
