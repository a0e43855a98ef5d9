-- The end of a hand-over's service on its day by the school's timetable when the child was released (OPS-2), so that
-- whether the child left early stays what it was then, whatever the timetable says later. Null on entries made before
-- it was kept, and where the school had set no time: those are read against the timetable as it stands.
alter table operations.pickup_release add column service_ends_at time;
