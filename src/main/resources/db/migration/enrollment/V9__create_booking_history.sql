-- Every action on a booking of an opening (SCOPE-3), append-only (guarded by the next migration).
create table enrollment.opening_booking_event (
    booking_id   uuid         not null,
    seq          integer      not null,
    county_id    uuid         not null,
    school_id    uuid         not null,
    opening_id   uuid         not null,
    child_id     uuid         not null,
    action       varchar(16)  not null,
    actor        varchar(64)  not null,
    occurred_at  timestamp    not null,
    constraint opening_booking_event_pk primary key (booking_id, seq),
    constraint opening_booking_event_action_check check (
        case action when 'BOOKED' then 1 when 'CANCELLED' then 1 else 0 end = 1)
);
