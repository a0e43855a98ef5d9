-- A term's registrations, for the school's and the county's registration counts (ENROL-2): without it every
-- school of a county scanned the whole table.
create index enrollment_term_idx on enrollment.enrollment (term_id);
