-- Registration lotteries (ENROL-2, ADR 0011). A lottery window's seed is drawn when the window opens and only its
-- SHA-256 is shown until the draw; the seed itself is revealed with the result. siblings is the window's option to
-- place siblings together (TOGETHER) or each on their own (SEPARATELY), set by the school until the draw.
create table enrollment.lottery (
    window_id     uuid         primary key,
    version       bigint       not null,
    county_id     uuid         not null,
    school_id     uuid,
    seed          varchar(64)  not null,
    seed_hash     char(64)     not null,
    siblings      varchar(16)  not null,
    committed_at  timestamp    not null,
    constraint lottery_siblings_check check (
        case siblings when 'TOGETHER' then 1 when 'SEPARATELY' then 1 else 0 end = 1)
);

-- A child's application to a lottery window: up to three ranked choices, with the guardian's consent (ENROL-1).
-- One per child and window; it may change until the window closes, every change kept in the history below.
create table enrollment.lottery_application (
    window_id        uuid         not null,
    child_id         uuid         not null,
    county_id        uuid         not null,
    school_id        uuid         not null,
    guardian_id      uuid         not null,
    account_id       uuid         not null,
    choice1          uuid         not null,
    choice2          uuid,
    choice3          uuid,
    consent_version  varchar(32)  not null,
    consented_at     timestamp    not null,
    revision         integer      not null,
    constraint lottery_application_pk primary key (window_id, child_id),
    constraint lottery_application_choices_check check (
        (choice2 is null or choice2 <> choice1) and (choice3 is null or (choice2 is not null and choice3 <> choice1
        and choice3 <> choice2)))
);

-- Every version of an application, append-only (guarded by V7_1): who, when, which choices, which consent text.
create table enrollment.lottery_application_event (
    window_id        uuid         not null,
    child_id         uuid         not null,
    revision         integer      not null,
    county_id        uuid         not null,
    school_id        uuid         not null,
    account_id       uuid         not null,
    choice1          uuid         not null,
    choice2          uuid,
    choice3          uuid,
    consent_version  varchar(32)  not null,
    occurred_at      timestamp    not null,
    constraint lottery_application_event_pk primary key (window_id, child_id, revision)
);

-- The school's priority groups before the draw: at most one entry per child; a higher group is placed first.
create table enrollment.lottery_priority (
    window_id   uuid         not null,
    child_id    uuid         not null,
    county_id   uuid         not null,
    school_id   uuid         not null,
    grp         integer      not null,
    reason      varchar(60)  not null,
    set_by      varchar(64)  not null,
    set_at      timestamp    not null,
    constraint lottery_priority_pk primary key (window_id, child_id),
    constraint lottery_priority_group_check check (grp between 1 and 3)
);

-- The draw, once per window: the revealed seed, the options and who ran it. Append-only, as are its inputs
-- (the applications and priority groups as they stood, the seats of each offering) and its results.
create table enrollment.lottery_draw (
    window_id   uuid         primary key,
    county_id   uuid         not null,
    school_id   uuid,
    seed        varchar(64)  not null,
    seed_hash   char(64)     not null,
    siblings    varchar(16)  not null,
    drawn_by    varchar(64)  not null,
    drawn_at    timestamp    not null
);

create table enrollment.lottery_input (
    window_id   uuid     not null,
    child_id    uuid     not null,
    family_id   uuid     not null,
    guardian_id uuid     not null,
    account_id  uuid     not null,
    priority    integer  not null,
    choice1     uuid     not null,
    choice2     uuid,
    choice3     uuid,
    consent_version varchar(32) not null,
    constraint lottery_input_pk primary key (window_id, child_id)
);

create table enrollment.lottery_capacity (
    window_id    uuid     not null,
    offering_id  uuid     not null,
    seats        integer  not null,
    constraint lottery_capacity_pk primary key (window_id, offering_id),
    constraint lottery_capacity_seats_check check (seats >= 0)
);

-- position: the child's place in the draw order, 1 first; placed_offering: the seat the draw gave; waiting_offering:
-- the first choice whose waiting list the child joins; outcome: what the ledger stored (CONFIRMED, WAITLISTED,
-- FULL when the waiting list was full, TIME_CONFLICT when the child already had that weekday and slot).
create table enrollment.lottery_result (
    window_id         uuid         not null,
    child_id          uuid         not null,
    county_id         uuid         not null,
    school_id         uuid         not null,
    position          integer      not null,
    placed_offering   uuid,
    waiting_offering  uuid,
    outcome           varchar(16)  not null,
    enrollment_id     uuid,
    constraint lottery_result_pk primary key (window_id, child_id)
);
