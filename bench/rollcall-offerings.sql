-- Sessions due for the county's afternoon roll call (bench/rollcall.sh, OPS-1): for every class of every generated
-- school a slot-1 and a slot-2 offering on the weekday of :'day' in the term that contains it, with every child of
-- the class registered (CONFIRMED) and its seats taken, and the class's head teacher as instructor. Written straight
-- into the catalog's and enrollment's tables, as they would stand after publication and registration. Also opens a
-- sign-in account for every school's administrator (<school code>-A01, the generated password hash), who records the
-- roll calls of the school's sessions.
begin;

create temporary table rc_day on commit drop as
select cast(:'day' as date) as day, upper(trim(to_char(cast(:'day' as date), 'FMDay'))) as weekday;

insert into catalog.venue (id, version, county_id, school_id, name, kind, capacity)
select gen_random_uuid(), 0, s.county_id, s.id, '点名活动室', 'SPECIAL_ROOM', 60
from organization.school s
where not exists (select 1 from catalog.venue v where v.school_id = s.id and v.name = '点名活动室');

insert into catalog.course (id, version, county_id, school_id, name, category, activity_kind, provider_kind)
select gen_random_uuid(), 0, c.county_id, c.school_id, '课后点名' || c.grade_level || '年级' || c.name, 'SCHOOL_BASED',
  null, 'STAFF'
from organization.school_class c
where not exists (select 1 from catalog.course x where x.school_id = c.school_id
                  and x.name = '课后点名' || c.grade_level || '年级' || c.name);

insert into catalog.course_grade (course_id, county_id, school_id, grade_level)
select x.id, x.county_id, x.school_id, c.grade_level
from catalog.course x
join organization.school_class c on c.school_id = x.school_id and x.name = '课后点名' || c.grade_level || '年级' || c.name
where not exists (select 1 from catalog.course_grade g where g.course_id = x.id);

create temporary table rc_offering on commit drop as
select gen_random_uuid() as id, c.id as class_id, x.id as course_id, c.county_id, c.school_id, c.grade_level,
  t.id as term_id, d.weekday, sl.slot, v.id as venue_id, c.head_teacher_id
from organization.school_class c
join catalog.course x on x.school_id = c.school_id and x.name = '课后点名' || c.grade_level || '年级' || c.name
join rc_day d on true
join organization.term t on t.school_id = c.school_id and d.day between t.starts_on and t.ends_on
join catalog.venue v on v.school_id = c.school_id and v.name = '点名活动室'
cross join (values ('SLOT_1'), ('SLOT_2')) sl (slot)
where not exists (select 1 from catalog.offering o where o.course_id = x.id and o.term_id = t.id
                  and o.weekday = d.weekday and o.slot = sl.slot);

insert into catalog.offering (id, version, county_id, school_id, course_id, term_id, weekday, slot, venue_id,
  capacity, fee, exercise_minutes, slot_one_content, starts_on, ends_on, state, cancel_reason)
select o.id, 0, o.county_id, o.school_id, o.course_id, o.term_id, o.weekday, o.slot, o.venue_id, 50, null, 20,
  case when o.slot = 'SLOT_1' then 'SELF_HOMEWORK' end, null, null, 'PUBLISHED', null
from rc_offering o;

insert into catalog.offering_grade (offering_id, county_id, school_id, grade_level)
select o.id, o.county_id, o.school_id, o.grade_level from rc_offering o;

insert into catalog.offering_instructor (offering_id, county_id, school_id, instructor_id)
select o.id, o.county_id, o.school_id, o.head_teacher_id from rc_offering o where o.head_teacher_id is not null;

insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id, child_id, guardian_id,
  account_id, weekday, slot, status, active_offering_id, active_slot, waitlist_ticket, consent_version,
  consented_at, requested_at, confirmed_at, withdrawn_at)
select gen_random_uuid(), 0, o.county_id, o.school_id, o.term_id, o.id, st.id, g.guardian_id,
  coalesce(a.id, g.guardian_id), o.weekday, o.slot, 'CONFIRMED', o.id, o.weekday || '/' || o.slot, null, 'bench',
  localtimestamp, localtimestamp, localtimestamp, null
from rc_offering o
join organization.student st on st.class_id = o.class_id
join lateral (select sg.guardian_id from organization.student_guardian sg where sg.student_id = st.id
              order by sg.primary_contact desc, sg.guardian_id limit 1) g on true
left join platform.user_account a on a.guardian_id = g.guardian_id;

insert into enrollment.seat (offering_id, county_id, school_id, term_id, weekday, slot, capacity, taken, waiting,
  waitlist_limit, claims, last_ticket, synced_at)
select o.id, o.county_id, o.school_id, o.term_id, o.weekday, o.slot, 50,
  (select count(*) from enrollment.enrollment e where e.offering_id = o.id), 0, 0,
  (select count(*) from enrollment.enrollment e where e.offering_id = o.id), 0, localtimestamp
from rc_offering o;

insert into platform.user_account (id, version, display_name, mobile, staff_no, password_hash, roles, county_id,
  school_id, staff_id, guardian_id, institution_id, enabled, demo, created_at)
select gen_random_uuid(), 0, sf.name, null, sf.staff_no, (select password_hash from platform.user_account
  where staff_no like '%-A01' limit 1), 'SCHOOL_ADMIN', sf.county_id, sf.school_id, sf.id, null, null, true, true,
  localtimestamp
from organization.staff sf
where sf.staff_no like '%-A01' and not exists (select 1 from platform.user_account a where a.staff_no = sf.staff_no);

commit;

vacuum analyze catalog.offering;
vacuum analyze catalog.offering_instructor;
vacuum analyze enrollment.enrollment;
vacuum analyze enrollment.seat;
vacuum analyze platform.user_account;
