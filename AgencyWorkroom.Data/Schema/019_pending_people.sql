-- 019 pending people (issue 11). Adding a person writes two stores: the employee row, then the
-- sign-in account, and the account will soon be written by a database role of its own, so no one
-- transaction can hold both. Instead of deleting the employee when the account fails (a delete that
-- can fail too), the row is written first as pending, the account next, and the row turns active
-- last; a retry finds the pending row and does what is left. The app will not be allowed to read the
-- identity tables, so pending is a column of its own rather than "user_id with no account".
-- A pending person is never active, so sign-in (which admits active members only) refuses them,
-- and "pending" stays apart from "deactivated" (not active, nothing pending).
alter table agency.employees add column if not exists account_pending_since timestamptz;

alter table agency.employees drop constraint if exists employees_pending_check;
alter table agency.employees add constraint employees_pending_check
  check (account_pending_since is null or (not active and user_id is not null));
