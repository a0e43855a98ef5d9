-- A school may choose, per registration window, that a freed seat is offered to the first in line for a number of
-- hours instead of given at once (ENROL-2, docs/adr/0017-seat-offer.md). The window keeps the choice; its seat rows
-- carry a copy, as they do the waiting-list limit, so a withdrawal reads it under the seat lock it already holds.
alter table enrollment.registration_window add column offer_hours integer;
alter table enrollment.registration_window add constraint registration_window_offer_check check (
    (promotion = 'AUTOMATIC' and offer_hours is null)
    or (promotion = 'OFFER' and offer_hours between 1 and 72));

alter table enrollment.seat add column promotion varchar(16) default 'AUTOMATIC' not null;
alter table enrollment.seat add column offer_hours integer;
alter table enrollment.seat add constraint seat_offer_check check (
    (promotion = 'AUTOMATIC' and offer_hours is null)
    or (promotion = 'OFFER' and offer_hours between 1 and 72));

-- An OFFERED registration holds a seat (counted in taken, no longer in waiting) until it is accepted, declined or
-- expires at offer_expires_at. Still a CASE, as the comment of V1 explains.
alter table enrollment.enrollment add column offer_expires_at timestamp;
alter table enrollment.enrollment drop constraint enrollment_status_check;
alter table enrollment.enrollment add constraint enrollment_status_check check (
    case status when 'CONFIRMED' then 1 when 'WAITLISTED' then 1 when 'OFFERED' then 1 when 'WITHDRAWN' then 1
    else 0 end = 1);
alter table enrollment.enrollment add constraint enrollment_offer_check check (
    status <> 'OFFERED' or offer_expires_at is not null);

create index enrollment_offer_expiry_idx on enrollment.enrollment (offer_expires_at);

-- The offer's steps are kept in the history under their own names.
alter table enrollment.enrollment_event drop constraint enrollment_event_action_check;
alter table enrollment.enrollment_event add constraint enrollment_event_action_check check (
    case action when 'ENROLLED' then 1 when 'WAITLISTED' then 1 when 'WITHDRAWN' then 1 when 'PROMOTED' then 1
    when 'MOVED_OUT' then 1 when 'MOVED_IN' then 1 when 'CANCELLED' then 1 when 'OFFERED' then 1
    when 'ACCEPTED' then 1 when 'DECLINED' then 1 when 'EXPIRED' then 1 else 0 end = 1);
