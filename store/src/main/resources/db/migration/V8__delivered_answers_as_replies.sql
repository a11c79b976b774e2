-- A maintainer's answer delivered to an asker is one of the bot's replies: it has a reply_id
-- (sent with the generic webhook's callback) and, once sent, a bot_reply row, so members can flag
-- it like any answer. Same dialect rules as V1.

ALTER TABLE delivery ADD COLUMN reply_id VARCHAR(64);
-- deliveries written before this version: an id that no random one (32 hex digits) can take
UPDATE delivery SET reply_id = 'delivery-' || CAST(id AS VARCHAR(20)) WHERE reply_id IS NULL;
ALTER TABLE delivery ALTER COLUMN reply_id SET NOT NULL;
ALTER TABLE delivery ADD CONSTRAINT delivery_reply_once UNIQUE (reply_id);

-- Set on the replies that are delivered maintainers' answers, NULL on the matcher's own answers
-- (the weekly figures and the aged list count only those: they estimate the matcher's precision).
ALTER TABLE bot_reply ADD COLUMN delivery_id BIGINT;
ALTER TABLE bot_reply ADD CONSTRAINT bot_reply_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id);
