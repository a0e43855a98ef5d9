-- Uploaded photos (pickup persons, patrols, incidents): the bytes live outside the web root under random names; this
-- table says whose they are, so that they are served only to users in scope.
create table platform.photo (
    id            uuid primary key,
    county_id     uuid          not null,
    school_id     uuid          not null,
    stored_name   varchar(64)   not null,
    content_type  varchar(32)   not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    uploaded_by   uuid          not null,
    uploaded_at   timestamp     not null,
    constraint photo_stored_name_key unique (stored_name),
    constraint photo_size_check check (size_bytes > 0)
);

create index photo_school_idx on platform.photo (school_id, uploaded_at);
