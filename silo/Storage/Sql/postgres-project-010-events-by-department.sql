-- A department's own events, newest first (GET /api/v1/events?mine=true&since=, the department desk): the range of one
-- department after `since`, in received order, seq as the tie-break of the list.
CREATE INDEX IF NOT EXISTS ix_intake_department_received ON intake_events (department, received_at, seq);
