-- A school's invitation to the guardians of chosen classes or grades to register in a window (ENROL-1, ENROL-2):
-- who sent it, when, for which window, to whom, the school's short message and how many children, guardians and
-- accounts it reached. It enrols nobody. form_key is the key of the form's rendering: a second submission of the same
-- form finds its invitation by the unique key and sends nothing again (docs/adr/0018-registration-invitations.md).
-- Append-only (guarded by the next migration).
create table enrollment.invitation (
    id              uuid          primary key,
    county_id       uuid          not null,
    school_id       uuid          not null,
    window_id       uuid          not null,
    form_key        varchar(64)   not null,
    message         varchar(200),
    invited_by      varchar(64)   not null,
    invited_by_name varchar(100)  not null,
    invited_at      timestamp     not null,
    children        integer       not null,
    guardians       integer       not null,
    accounts        integer       not null,
    constraint invitation_form_key unique (school_id, form_key),
    constraint invitation_counts_check check (children >= 0 and guardians >= 0 and accounts >= 0)
);

create index invitation_school_idx on enrollment.invitation (school_id, invited_at);

-- Whom an invitation was for, as the school chose it: whole grades and single classes of the school.
create table enrollment.invitation_audience (
    invitation_id  uuid     not null,
    grade_level    integer,
    class_id       uuid,
    constraint invitation_audience_invitation_fk foreign key (invitation_id) references enrollment.invitation (id),
    constraint invitation_audience_one_check check (
        (grade_level is not null and class_id is null) or (grade_level is null and class_id is not null))
);

create index invitation_audience_invitation_idx on enrollment.invitation_audience (invitation_id);
