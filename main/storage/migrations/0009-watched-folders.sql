-- Folders whose documents follow the disk: re-watched at each start, so files added, changed or
-- deleted while Hearth was closed are caught up then. Removing a collection stops its watches.
CREATE TABLE watched_folders (
  id             TEXT PRIMARY KEY,
  path           TEXT NOT NULL,
  collection_id  TEXT REFERENCES collections (id) ON DELETE CASCADE,
  created_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX watched_folders_path ON watched_folders (path, ifnull(collection_id, ''));
-- A folder's documents are found by path when a file there changes or goes.
CREATE INDEX documents_path ON documents (path);
