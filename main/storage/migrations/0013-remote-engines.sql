-- OpenAI-compatible servers elsewhere whose models conversations may use. The key, when the server
-- needs one, is kept as given: Hearth must send it (it is never returned to the renderer).
CREATE TABLE remote_engines (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  base_url TEXT NOT NULL,
  preset TEXT NOT NULL,
  api_key TEXT,
  created_at INTEGER NOT NULL
);
