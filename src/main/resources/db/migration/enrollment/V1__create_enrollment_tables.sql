create schema if not exists enrollment;

-- When guardians may register for a term (ENROL-2): a county's window covers all its schools unless a school has
-- windows of its own for that term. Allocation and promotion name how seats are given; lotteries come later.
create table enrollment.registration_window (
    id              uuid primary key,
    version         bigint       not null,
    county_id       uuid         not null,
    school_id       uuid,
    school_year     integer      not null,
    term_kind       varchar(8)   not null,
    opens_at        timestamp    not null,
    closes_at       timestamp    not null,
    allocation      varchar(16)  not null,
    promotion       varchar(16)  not null,
    waitlist_limit  integer      not null,
    created_by      varchar(64)  not null,
    created_at      timestamp    not null,
    constraint registration_window_times_check check (closes_at > opens_at),
    constraint registration_window_waitlist_check check (waitlist_limit between 0 and 1000)
);

create index registration_window_term_idx on enrollment.registration_window (county_id, school_year, term_kind);

-- One row per offering that takes registrations: the counter every claim updates in place, conditionally
-- (ENROL-4). Copied from the catalog when a window opens or the offering is first asked for.
-- claims counts seats and places in line given; last_ticket is the claim number of the latest place in line, so
-- a claim that queued returns last_ticket = claims.
create table enrollment.seat (
    offering_id     uuid primary key,
    county_id       uuid         not null,
    school_id       uuid         not null,
    term_id         uuid         not null,
    weekday         varchar(10)  not null,
    slot            varchar(16)  not null,
    capacity        integer      not null,
    taken           integer      not null,
    waiting         integer      not null,
    waitlist_limit  integer      not null,
    claims          bigint       not null,
    last_ticket     bigint       not null,
    synced_at       timestamp    not null,
    constraint seat_taken_check check (taken between 0 and capacity),
    constraint seat_waiting_check check (waiting >= 0 and waitlist_limit >= 0),
    constraint seat_ticket_check check (last_ticket between 0 and claims)
);

-- A child's registration for an offering, made by a guardian with consent (ENROL-1). active_offering_id and
-- active_slot are set while the registration is confirmed or waiting and cleared on withdrawal, so the unique
-- constraints below hold among active rows only (on H2 and PostgreSQL alike, as NULLs never collide): a child is
-- at most once in an offering and at most once at a weekday and slot of a term (CONTENT-2, COURSE-3).
create table enrollment.enrollment (
    id                  uuid primary key,
    version             bigint        not null,
    county_id           uuid          not null,
    school_id           uuid          not null,
    term_id             uuid          not null,
    offering_id         uuid          not null,
    child_id            uuid          not null,
    guardian_id         uuid          not null,
    account_id          uuid          not null,
    weekday             varchar(10)   not null,
    slot                varchar(16)   not null,
    status              varchar(16)   not null,
    active_offering_id  uuid,
    active_slot         varchar(28),
    waitlist_ticket     bigint,
    consent_version     varchar(32)   not null,
    consented_at        timestamp     not null,
    requested_at        timestamp     not null,
    confirmed_at        timestamp,
    withdrawn_at        timestamp,
    -- a CASE rather than IN (or ORs, which H2 turns into IN): H2 binds the constant set of an IN in a check
    -- constraint to the session that created it, and the check fails once that connection has been closed
    constraint enrollment_status_check check (
        case status when 'CONFIRMED' then 1 when 'WAITLISTED' then 1 when 'WITHDRAWN' then 1 else 0 end = 1),
    constraint enrollment_active_check check (
        (status = 'WITHDRAWN' and active_offering_id is null and active_slot is null)
        or (status <> 'WITHDRAWN' and active_offering_id = offering_id and active_slot is not null)),
    constraint enrollment_waitlist_check check (status <> 'WAITLISTED' or waitlist_ticket is not null),
    constraint enrollment_confirmed_check check (status <> 'CONFIRMED' or confirmed_at is not null),
    constraint enrollment_child_offering_key unique (child_id, active_offering_id),
    constraint enrollment_child_slot_key unique (child_id, term_id, active_slot)
);

create index enrollment_offering_idx on enrollment.enrollment (offering_id, waitlist_ticket);

-- Every action on a registration (ENROL-3), append-only (guarded by the next migration).
create table enrollment.enrollment_event (
    enrollment_id  uuid         not null,
    seq            integer      not null,
    county_id      uuid         not null,
    school_id      uuid         not null,
    offering_id    uuid         not null,
    child_id       uuid         not null,
    action         varchar(16)  not null,
    actor          varchar(64)  not null,
    occurred_at    timestamp    not null,
    constraint enrollment_event_pk primary key (enrollment_id, seq),
    constraint enrollment_event_action_check check (
        case action when 'ENROLLED' then 1 when 'WAITLISTED' then 1 when 'WITHDRAWN' then 1 when 'PROMOTED' then 1
        else 0 end = 1)
);

-- The answer given to an Idempotency-Key, so that a replay gets it again and changes nothing: the outcome, the
-- registration it stored and the place in line, from which the answer's status and body follow.
create table enrollment.idempotency_key (
    account_id         uuid          not null,
    idem_key           varchar(64)   not null,
    fingerprint        char(64)      not null,
    outcome            varchar(24)   not null,
    enrollment_id      uuid,
    waitlist_position  integer,
    created_at         timestamp     not null,
    constraint idempotency_key_pk primary key (account_id, idem_key)
);
