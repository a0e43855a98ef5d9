-- The notification outbox: written in the transaction of the change it reports, delivered afterwards by a channel
-- (the in-app inbox by default; an SMS or WeChat gateway in production), retried with back-off.
create table platform.notification (
    id               uuid primary key,
    recipient_id     uuid           not null,
    county_id        uuid,
    school_id        uuid,
    topic            varchar(32)    not null,
    message_key      varchar(100)   not null,
    arguments        varchar(2000)  not null,
    link             varchar(300),
    created_at       timestamp      not null,
    state            varchar(16)    not null,
    channel          varchar(32)    not null,
    attempts         integer        not null,
    next_attempt_at  timestamp      not null,
    claim            uuid,
    sent_at          timestamp,
    read_at          timestamp,
    last_error       varchar(300),
    constraint notification_state_check check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    constraint notification_attempts_check check (attempts >= 0)
);

create index notification_recipient_idx on platform.notification (recipient_id, created_at);
create index notification_due_idx on platform.notification (state, next_attempt_at);
