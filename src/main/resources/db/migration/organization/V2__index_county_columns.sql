-- The city and county pages count per county; without these indexes every count reads whole tables.
create index school_class_county_idx on organization.school_class (county_id);
create index student_county_idx on organization.student (county_id);
create index staff_county_idx on organization.staff (county_id);
create index school_class_head_teacher_idx on organization.school_class (head_teacher_id);
