-- Where each announcement of an escalation was posted in the maintainers' chat (the platform's
-- message id), so that a maintainer's reply in that message's thread answers the escalation.
-- A stale escalation is announced again: several posts may name one escalation.
CREATE TABLE announcement_post (
    post_id        VARCHAR(500) PRIMARY KEY,
    escalation_id  BIGINT NOT NULL REFERENCES escalation (id),
    posted_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
