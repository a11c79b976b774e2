-- A list of escalations shows each one's asker count and first askers, not every asker: a busy
-- question gathers hundreds, and the queue of 500 such questions was megabytes. The count is
-- kept on the escalation, bumped in the transaction that adds an asker (under the escalation's
-- row lock), and the first askers are read in the order they asked through (escalation_id, id),
-- a few rows each however many asked. Same dialect rules as V1.

ALTER TABLE escalation ADD COLUMN asker_count INTEGER DEFAULT 0 NOT NULL;
UPDATE escalation SET asker_count = (SELECT COUNT(*) FROM asker WHERE asker.escalation_id = escalation.id);
CREATE INDEX asker_in_order ON asker (escalation_id, id);
