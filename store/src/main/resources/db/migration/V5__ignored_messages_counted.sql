-- Messages the bot read and judged not to be questions (chatter, thanks) are counted too, so the
-- dashboard can chart each day's answered / escalated / ignored; their text is not kept
-- (question is empty, topic is empty): chatter is nobody's business.
ALTER TABLE asked_question DROP CONSTRAINT asked_question_decision_known;
ALTER TABLE asked_question ADD CONSTRAINT asked_question_decision_known
    CHECK (decision IN ('answer', 'escalate', 'ignore'));
