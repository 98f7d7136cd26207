-- Conversations and their messages. Messages form a tree through parent_id so that later
-- branches (edit, regenerate) need no new table; in this first version each conversation's
-- messages form a single chain.
CREATE TABLE conversations (
  id            TEXT PRIMARY KEY,
  title         TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  model_id      TEXT,
  system_prompt TEXT NOT NULL,
  sampling_json TEXT
) STRICT;

CREATE INDEX conversations_by_update ON conversations (updated_at DESC);

CREATE TABLE messages (
  id                     TEXT PRIMARY KEY,
  conversation_id        TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  parent_id              TEXT REFERENCES messages (id) ON DELETE CASCADE,
  seq                    INTEGER NOT NULL,
  role                   TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content                TEXT NOT NULL,
  status                 TEXT NOT NULL CHECK (status IN ('streaming', 'complete', 'interrupted', 'error')),
  stop_reason            TEXT,
  detail                 TEXT,
  model_id               TEXT,
  prompt_tokens          INTEGER,
  completion_tokens      INTEGER,
  time_to_first_token_ms REAL,
  tokens_per_second      REAL,
  created_at             INTEGER NOT NULL,
  UNIQUE (conversation_id, seq)
) STRICT;

CREATE INDEX messages_by_parent ON messages (parent_id);

-- App-wide settings, one JSON value per key, validated by the contract's schema on read.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
