-- Which registration events guardians have been told of (ENROL-1, ENROL-2): the relay derives confirmed, waitlisted
-- and promoted notifications from enrollment_event after the claim has committed, so the claim itself stays one
-- statement (docs/adr/0010-registration-notices.md). One row per event handled, whether a notice was sent or the
-- event was already superseded; the primary key makes each event handled once across instances.
create table enrollment.event_notice (
    enrollment_id  uuid       not null,
    seq            integer    not null,
    occurred_at    timestamp  not null,
    handled_at     timestamp  not null,
    sent           integer    not null,
    constraint event_notice_pk primary key (enrollment_id, seq)
);

-- the relay's cursor: the latest event handled, from which it looks back a grace period for late commits
create index event_notice_occurred_idx on enrollment.event_notice (occurred_at);
create index enrollment_event_occurred_idx on enrollment.enrollment_event (occurred_at);

-- events from before notifications existed are taken as handled: nobody is told of them now
insert into enrollment.event_notice (enrollment_id, seq, occurred_at, handled_at, sent)
select enrollment_id, seq, occurred_at, occurred_at, 0 from enrollment.enrollment_event;
