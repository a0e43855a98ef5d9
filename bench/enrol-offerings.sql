-- Published offerings for every generated school (bench/enrol-rush.sh): a venue, one course per grade, and for
-- each term, each school day and each of the two afternoon slots one offering of that grade with 30 to 45 seats.
-- Written straight into the catalog's tables, as the catalog would store them after publication. The generated
-- school year's terms are copied into the next school year first, so that the load client can warm up on those
-- without touching the seats it measures.
begin;

insert into organization.term (id, version, county_id, school_id, school_year, kind, starts_on, ends_on)
select gen_random_uuid(), 0, t.county_id, t.school_id, t.school_year + 1, t.kind,
  cast(t.starts_on + interval '1 year' as date), cast(t.ends_on + interval '1 year' as date)
from organization.term t
where t.school_year = (select min(school_year) from organization.term)
  and not exists (select 1 from organization.term n where n.school_id = t.school_id
                  and n.school_year = t.school_year + 1 and n.kind = t.kind);

insert into catalog.venue (id, version, county_id, school_id, name, kind, capacity)
select gen_random_uuid(), 0, s.county_id, s.id, '课后活动室', 'SPECIAL_ROOM', 60
from organization.school s
where not exists (select 1 from catalog.venue v where v.school_id = s.id and v.name = '课后活动室');

insert into catalog.course (id, version, county_id, school_id, name, category, activity_kind, provider_kind)
select gen_random_uuid(), 0, g.county_id, g.school_id, '课后服务' || g.grade_level || '年级', 'SCHOOL_BASED', null, 'STAFF'
from (select distinct county_id, school_id, grade_level from organization.school_class) g
where not exists (select 1 from catalog.course c where c.school_id = g.school_id
                  and c.name = '课后服务' || g.grade_level || '年级');

insert into catalog.course_grade (course_id, county_id, school_id, grade_level)
select c.id, c.county_id, c.school_id, cast(substring(c.name from '\d+') as integer)
from catalog.course c
where c.name like '课后服务%年级' and not exists (select 1 from catalog.course_grade g where g.course_id = c.id);

insert into catalog.offering (id, version, county_id, school_id, course_id, term_id, weekday, slot, venue_id,
  capacity, fee, exercise_minutes, slot_one_content, starts_on, ends_on, state, cancel_reason)
select gen_random_uuid(), 0, c.county_id, c.school_id, c.id, t.id, d.weekday, sl.slot, v.id,
  30 + abs(hashtext(c.id::text || t.id::text || d.weekday || sl.slot)) % 16, null, 20,
  case when sl.slot = 'SLOT_1' then 'SELF_HOMEWORK' end, null, null, 'PUBLISHED', null
from catalog.course c
join organization.term t on t.school_id = c.school_id
join catalog.venue v on v.school_id = c.school_id and v.name = '课后活动室'
cross join (values ('MONDAY'), ('TUESDAY'), ('WEDNESDAY'), ('THURSDAY'), ('FRIDAY')) d (weekday)
cross join (values ('SLOT_1'), ('SLOT_2')) sl (slot)
where c.name like '课后服务%年级'
  and not exists (select 1 from catalog.offering o where o.course_id = c.id and o.term_id = t.id
                  and o.weekday = d.weekday and o.slot = sl.slot);

insert into catalog.offering_grade (offering_id, county_id, school_id, grade_level)
select o.id, o.county_id, o.school_id, g.grade_level
from catalog.offering o join catalog.course_grade g on g.course_id = o.course_id
where not exists (select 1 from catalog.offering_grade x where x.offering_id = o.id);

commit;

vacuum analyze catalog.offering;
vacuum analyze catalog.offering_grade;
select count(*) as offerings, sum(capacity) as seats from catalog.offering where state = 'PUBLISHED';
