-- Branches: a conversation shows one path through its message tree, ending at this leaf.
-- (NULL: the newest message.) Deleting the leaf's branch sets it back to NULL.
ALTER TABLE conversations ADD COLUMN active_leaf_id TEXT REFERENCES messages (id) ON DELETE SET NULL;

-- How each answer's context was prepared: from a saved state, the prompt cache, the engine's
-- live sequence, or a re-read of the history; and why a saved state was refused, if it was.
ALTER TABLE messages ADD COLUMN context_source TEXT;
ALTER TABLE messages ADD COLUMN context_tokens INTEGER;
ALTER TABLE messages ADD COLUMN context_ms REAL;
ALTER TABLE messages ADD COLUMN context_rejected TEXT;

-- Serialized engine states. A 'turn' state holds the conversation up to and including the answer
-- it belongs to; a 'prompt' state holds only a system prompt, shared by every conversation that
-- starts with it. Each carries what must match before llama.cpp may see it: the model's
-- fingerprint, the engine build, the context size, and the checksum of the uncompressed bytes.
CREATE TABLE states (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('turn', 'prompt')),
  conversation_id   TEXT REFERENCES conversations (id) ON DELETE CASCADE,
  message_id        TEXT REFERENCES messages (id) ON DELETE CASCADE,
  prompt_key        TEXT,
  model_fingerprint TEXT NOT NULL,
  engine_build      TEXT NOT NULL,
  context_size      INTEGER NOT NULL,
  token_count       INTEGER NOT NULL,
  byte_size         INTEGER NOT NULL,
  stored_size       INTEGER NOT NULL,
  compression       TEXT NOT NULL CHECK (compression IN ('none', 'deflate')),
  sha256            TEXT NOT NULL,
  data              BLOB NOT NULL,
  created_at        INTEGER NOT NULL,
  last_used_at      INTEGER NOT NULL,
  CHECK (
    (kind = 'turn' AND conversation_id IS NOT NULL AND message_id IS NOT NULL AND prompt_key IS NULL)
    OR (kind = 'prompt' AND conversation_id IS NULL AND message_id IS NULL AND prompt_key IS NOT NULL)
  )
) STRICT;

CREATE UNIQUE INDEX states_by_message ON states (message_id) WHERE kind = 'turn';
CREATE UNIQUE INDEX states_by_prompt ON states (prompt_key) WHERE kind = 'prompt';
CREATE INDEX states_by_conversation ON states (conversation_id);
CREATE INDEX states_by_use ON states (last_used_at);
