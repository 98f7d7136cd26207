-- What the check of each model file found (Hearth's header screen, then a trial load in a
-- throwaway engine), so it runs once per version of a file, not at every start. A row counts
-- only while the file's size, modification time and sampled content hash still match, and only
-- for the checker that wrote it.
CREATE TABLE model_checks (
  path          TEXT PRIMARY KEY,
  size_bytes    INTEGER NOT NULL,
  mtime_ms      REAL NOT NULL,
  sample_sha256 TEXT NOT NULL,
  checker       TEXT NOT NULL,
  ok            INTEGER NOT NULL CHECK (ok IN (0, 1)),
  reason        TEXT,
  inspection    TEXT,
  checked_at    INTEGER NOT NULL
);
