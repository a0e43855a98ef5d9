-- A school's move of a child to another offering (ENROL-3) and the withdrawal of an offering's registrations when
-- the school cancels it are kept in the history under their own names: MOVED_OUT on the registration left,
-- MOVED_IN on the one it became, CANCELLED on one withdrawn with its offering. Still a CASE, as the comment of V1
-- explains.
alter table enrollment.enrollment_event drop constraint enrollment_event_action_check;
alter table enrollment.enrollment_event add constraint enrollment_event_action_check check (
    case action when 'ENROLLED' then 1 when 'WAITLISTED' then 1 when 'WITHDRAWN' then 1 when 'PROMOTED' then 1
    when 'MOVED_OUT' then 1 when 'MOVED_IN' then 1 when 'CANCELLED' then 1 else 0 end = 1);

-- The places of a published opening on a day without school (SCOPE-3): the counter every booking updates in place,
-- conditionally (taken < capacity), copied from the catalog on the opening's first booking.
create table enrollment.opening_seat (
    opening_id  uuid     primary key,
    county_id   uuid     not null,
    school_id   uuid     not null,
    capacity    integer  not null,
    taken       integer  not null,
    constraint opening_seat_taken_check check (taken between 0 and capacity)
);

-- A child's booking of an opening, made by their guardian. active_opening_id is set while it is booked and cleared
-- on cancellation, so the unique constraint holds among active bookings only: one booking per child per opening.
create table enrollment.opening_booking (
    id                 uuid         primary key,
    version            bigint       not null,
    county_id          uuid         not null,
    school_id          uuid         not null,
    opening_id         uuid         not null,
    child_id           uuid         not null,
    guardian_id        uuid         not null,
    account_id         uuid         not null,
    status             varchar(16)  not null,
    active_opening_id  uuid,
    booked_at          timestamp    not null,
    cancelled_at       timestamp,
    constraint opening_booking_status_check check (
        case status when 'BOOKED' then 1 when 'CANCELLED' then 1 else 0 end = 1),
    constraint opening_booking_active_check check (
        (status = 'CANCELLED' and active_opening_id is null and cancelled_at is not null)
        or (status = 'BOOKED' and active_opening_id = opening_id)),
    constraint opening_booking_child_key unique (child_id, active_opening_id)
);

create index opening_booking_opening_idx on enrollment.opening_booking (opening_id, status);
create index opening_booking_guardian_idx on enrollment.opening_booking (guardian_id);
