-- When each saved state was last used, apart from its blob: SQLite rewrites a whole row on UPDATE,
-- and marking a multi-megabyte state as used cost a resume 16 to 29 ms (an overflow-page chain read,
-- compared and sometimes written to the log). The states row keeps the time it was stored.
CREATE TABLE state_uses (
  state_id     INTEGER PRIMARY KEY REFERENCES states (id) ON DELETE CASCADE,
  last_used_at INTEGER NOT NULL
) STRICT;
