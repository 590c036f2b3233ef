-- Several silos drain one intake log: a silo claims a batch for a while; a claim that runs out (its silo died) is
-- taken over by another.
ALTER TABLE intake_events ADD COLUMN claimed_by TEXT;
ALTER TABLE intake_events ADD COLUMN claimed_until TEXT;
