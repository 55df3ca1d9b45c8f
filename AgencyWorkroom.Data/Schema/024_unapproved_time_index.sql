-- 024 the week lock reads the time not yet approved from an index of its own (issue 13, decision 010).
--
-- agency.week_locked (021) runs for every entry the app writes, once for the old week and once for
-- the new: a week is locked when its lock is kept, or when it has approved time and none that is
-- not approved. The last probe walked the person's whole week in timesheet_entries_person_week_idx
-- and read each entry's status from the heap; almost all time is approved (in the demo agencies all
-- but the last two weeks), so a partial index of the rest is small and answers the probe from the
-- index alone.
create index if not exists timesheet_entries_unapproved_idx
  on agency.timesheet_entries (tenant_id, employee_id, week_start_date) where status <> 'approved';
create index if not exists time_off_entries_unapproved_idx
  on agency.time_off_entries (tenant_id, employee_id, week_start_date) where status <> 'approved';
