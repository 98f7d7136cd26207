-- A pinned conversation stays at the top of the list, most recently pinned first. NULL: not
-- pinned. The list reads the pinned ones apart from the paged rest (ConversationStore.list), so
-- the partial index keeps that read small however many conversations there are.
ALTER TABLE conversations ADD COLUMN pinned_at INTEGER;

CREATE INDEX conversations_pinned ON conversations (pinned_at DESC) WHERE pinned_at IS NOT NULL;
