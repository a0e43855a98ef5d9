create schema if not exists operations;

-- Who may collect a child (OPS-2), kept by the child's guardians: the child's own guardians are always authorised;
-- these are the other people, and whether the child may go home alone.
create table operations.pickup_arrangement (
    id                  uuid primary key,
    version             bigint       not null,
    county_id           uuid         not null,
    school_id           uuid         not null,
    student_id          uuid         not null,
    alone_consent       boolean      not null,
    consent_changed_at  timestamp,
    consent_changed_by  uuid,
    constraint pickup_arrangement_student_key unique (student_id)
);

create index pickup_arrangement_school_idx on operations.pickup_arrangement (school_id);

create table operations.pickup_person (
    person_id       uuid primary key,
    arrangement_id  uuid          not null references operations.pickup_arrangement (id) on delete cascade,
    county_id       uuid          not null,
    school_id       uuid          not null,
    name            varchar(50)   not null,
    relation        varchar(20)   not null,
    mobile          varchar(11)   not null,
    photo_id        uuid,
    added_by        uuid          not null,
    added_at        timestamp     not null
);

create index pickup_person_arrangement_idx on operations.pickup_person (arrangement_id);

-- People the school must not hand a child to (a custody order, for example); seen by the school's staff only.
create table operations.pickup_flag (
    id              uuid primary key,
    version         bigint        not null,
    county_id       uuid          not null,
    school_id       uuid          not null,
    student_id      uuid          not null,
    name            varchar(50)   not null,
    id_hint         varchar(30),
    reason          varchar(300)  not null,
    flagged_by      uuid          not null,
    flagged_by_name varchar(100)  not null,
    flagged_at      timestamp     not null,
    lifted_by       uuid,
    lifted_by_name  varchar(100),
    lifted_at       timestamp,
    lift_reason     varchar(300),
    constraint pickup_flag_lift_check check (lifted_at is null or (lift_reason is not null and lifted_by is not null))
);

create index pickup_flag_student_idx on operations.pickup_flag (student_id);

-- Each hand-over of a child at the end of a service: to whom, when, by which member of staff. Rows are only ever
-- inserted; a correction is a further entry of the same child and day (entry_no 2, 3 ...).
create table operations.pickup_release (
    id                uuid primary key,
    county_id         uuid          not null,
    school_id         uuid          not null,
    student_id        uuid          not null,
    class_id          uuid          not null,
    on_date           date          not null,
    service           varchar(16)   not null,
    entry_no          integer       not null,
    released_to       varchar(10)   not null,
    person_id         uuid,
    person_name       varchar(50),
    relation_key      varchar(40),
    released_at       timestamp     not null,
    staff_account_id  uuid          not null,
    staff_id          uuid,
    staff_name        varchar(100)  not null,
    corrects_id       uuid,
    note              varchar(300),
    constraint pickup_release_entry_key unique (student_id, on_date, entry_no),
    constraint pickup_release_to_check check (released_to in ('GUARDIAN', 'PERSON', 'ALONE')),
    constraint pickup_release_person_check check (released_to = 'ALONE' or person_name is not null),
    constraint pickup_release_correction_check check (entry_no = 1 or (corrects_id is not null and note is not null))
);

create index pickup_release_day_idx on operations.pickup_release (school_id, on_date, student_id);

-- Hand-overs the platform refused (not authorised, flagged, no consent to go alone), for the school admin to see.
-- Rows are only ever inserted.
create table operations.pickup_refusal (
    id                uuid primary key,
    county_id         uuid          not null,
    school_id         uuid          not null,
    student_id        uuid          not null,
    student_name      varchar(50)   not null,
    on_date           date          not null,
    service           varchar(16)   not null,
    asked_to          varchar(10)   not null,
    person_id         uuid,
    person_name       varchar(50),
    reason_key        varchar(60)   not null,
    reason_arguments  varchar(600)  not null,
    attempted_at      timestamp     not null,
    staff_account_id  uuid          not null,
    staff_name        varchar(100)  not null
);

create index pickup_refusal_school_idx on operations.pickup_refusal (school_id, attempted_at);

-- The not-yet-picked-up check of a school's service on a day: inserted once, by whichever instance gets there first.
create table operations.pickup_alert (
    id          uuid primary key,
    county_id   uuid          not null,
    school_id   uuid          not null,
    on_date     date          not null,
    service     varchar(16)   not null,
    due_at      timestamp     not null,
    alerted_at  timestamp     not null,
    waiting     integer       not null,
    constraint pickup_alert_key unique (school_id, on_date, service)
);

-- Daily patrols of the after-school service by school staff (OPS-3, 每天巡查和记录).
create table operations.patrol (
    id                uuid primary key,
    version           bigint         not null,
    county_id         uuid           not null,
    school_id         uuid           not null,
    patrolled_at      timestamp      not null,
    on_date           date           not null,
    offering_id       uuid,
    venue_id          uuid,
    place             varchar(100)   not null,
    observed          varchar(1000)  not null,
    follow_up         varchar(1000),
    follow_up_status  varchar(10)    not null,
    resolution        varchar(300),
    resolved_at       timestamp,
    resolved_by_name  varchar(100),
    recorded_by       uuid           not null,
    recorded_by_name  varchar(100)   not null,
    recorded_at       timestamp      not null,
    constraint patrol_status_check check (follow_up_status in ('NONE', 'OPEN', 'RESOLVED')),
    constraint patrol_follow_up_check check (follow_up_status = 'NONE' or follow_up is not null),
    constraint patrol_resolved_check check (follow_up_status <> 'RESOLVED' or (resolution is not null and resolved_at is not null))
);

create index patrol_school_day_idx on operations.patrol (school_id, on_date);
create index patrol_offering_idx on operations.patrol (offering_id, on_date);

create table operations.patrol_issue (
    patrol_id  uuid         not null references operations.patrol (id) on delete cascade,
    county_id  uuid         not null,
    school_id  uuid         not null,
    issue      varchar(24)  not null,
    constraint patrol_issue_pk primary key (patrol_id, issue),
    constraint patrol_issue_check check (issue in ('NEW_LESSON_IN_SLOT_1', 'NO_EXERCISE', 'SAFETY_PROBLEM', 'OTHER'))
);

create table operations.patrol_photo (
    patrol_id  uuid     not null references operations.patrol (id) on delete cascade,
    position   integer  not null,
    county_id  uuid     not null,
    school_id  uuid     not null,
    photo_id   uuid     not null,
    constraint patrol_photo_pk primary key (patrol_id, position)
);

-- Incidents during the service (OPS-4): injury, illness, conflict; the guardians of the children involved are told.
create table operations.incident (
    id                uuid primary key,
    version           bigint         not null,
    county_id         uuid           not null,
    school_id         uuid           not null,
    kind              varchar(10)    not null,
    occurred_at       timestamp      not null,
    place             varchar(100)   not null,
    description       varchar(1000)  not null,
    actions           varchar(1000)  not null,
    reported_by       uuid           not null,
    reported_by_name  varchar(100)   not null,
    reported_at       timestamp      not null,
    constraint incident_kind_check check (kind in ('INJURY', 'ILLNESS', 'CONFLICT', 'OTHER'))
);

create index incident_school_idx on operations.incident (school_id, occurred_at);

create table operations.incident_child (
    incident_id   uuid         not null references operations.incident (id) on delete cascade,
    county_id     uuid         not null,
    school_id     uuid         not null,
    student_id    uuid         not null,
    student_name  varchar(50)  not null,
    class_id      uuid         not null,
    constraint incident_child_pk primary key (incident_id, student_id)
);

create index incident_child_student_idx on operations.incident_child (student_id);
create index incident_child_class_idx on operations.incident_child (class_id);
