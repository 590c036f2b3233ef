ALTER TABLE intake_events ADD COLUMN IF NOT EXISTS claimed_by TEXT;
ALTER TABLE intake_events ADD COLUMN IF NOT EXISTS claimed_until TEXT;
