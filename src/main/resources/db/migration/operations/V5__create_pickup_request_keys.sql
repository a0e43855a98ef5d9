-- The answers given to hand-over requests of the API under their idempotency keys (OPS-2): a retry with the same key
-- gets the first answer and records nothing new. Rows are only ever added (guarded by V6_1).
create table operations.pickup_request_key (
    account_id        uuid          not null,
    idem_key          varchar(64)   not null,
    county_id         uuid          not null,
    school_id         uuid          not null,
    fingerprint       varchar(64)   not null,
    release_id        uuid,
    reason_key        varchar(100),
    reason_arguments  varchar(1000),
    created_at        timestamp     not null,
    constraint pickup_request_key_pk primary key (account_id, idem_key),
    constraint pickup_request_key_answer_check check ((release_id is null) <> (reason_key is null))
);
