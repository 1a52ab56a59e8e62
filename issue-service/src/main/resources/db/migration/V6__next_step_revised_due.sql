-- When a next step of ours (an agent's or a partner's) passes its due time, the overdue watch gives the customer a new
-- expected time once (anchor.issues.overdue-grace after it noticed). Cleared with the step: a new next action, or the
-- step completed or cleared, starts without one.
alter table issue add column next_revised_due_at timestamptz;
