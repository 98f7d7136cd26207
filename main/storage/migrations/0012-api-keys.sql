-- Keys for the local OpenAI-compatible API. Only a hash is kept (the key is shown once, when it is
-- made); `prefix` is its first characters, so the user can tell keys apart in Settings.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
