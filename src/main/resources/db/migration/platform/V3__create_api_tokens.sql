create table platform.api_token (
    id          uuid primary key,
    token_hash  char(64)     not null,
    account_id  uuid         not null,
    created_at  timestamp    not null,
    expires_at  timestamp    not null,
    revoked_at  timestamp,
    constraint api_token_hash_key unique (token_hash)
);

create index api_token_account_idx on platform.api_token (account_id);
