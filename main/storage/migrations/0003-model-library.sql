-- Model downloads, kept so that a download survives a restart: 'downloading' rows are resumed at
-- the next start from the partial file in the staging folder (node-llama-cpp's downloader keeps
-- its own progress beside it); 'paused' rows wait for the user.
CREATE TABLE downloads (
  id              TEXT PRIMARY KEY,
  entry_id        TEXT,
  quantization    TEXT,
  uri             TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  expected_bytes  INTEGER,
  sha256          TEXT,
  state           TEXT NOT NULL CHECK (state IN ('queued', 'downloading', 'paused', 'verifying', 'failed', 'complete')),
  total_bytes     INTEGER NOT NULL DEFAULT 0,
  received_bytes  INTEGER NOT NULL DEFAULT 0,
  attempts        INTEGER NOT NULL DEFAULT 0,
  error           TEXT,
  model_id        TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);

-- Model files the user chose to use where they are, outside the models folder.
CREATE TABLE linked_models (
  id        TEXT PRIMARY KEY,
  path      TEXT NOT NULL UNIQUE,
  added_at  INTEGER NOT NULL
);
