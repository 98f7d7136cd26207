-- Vector search through sqlite-vec. `chunk_embeddings` stays the record of every vector (float32,
-- readable without any extension); the vec0 tables are an index derived from it, one per embedding
-- model (models differ in dimensions), created and filled by VectorIndex when the extension loads.
-- An index that is missing (an older Hearth, a machine where sqlite-vec cannot load) is rebuilt
-- from `chunk_embeddings`, so no row is lost on upgrade.
CREATE TABLE vector_indexes (
  id     INTEGER PRIMARY KEY,
  model  TEXT NOT NULL UNIQUE,
  dims   INTEGER NOT NULL,
  kind   TEXT NOT NULL
);

-- Chunks whose vector was written, replaced or deleted since the indexes last caught up. Plain
-- triggers on a plain table, so a delete cascading from a document works even where sqlite-vec
-- is not loaded (a trigger naming a vec0 table would fail there); VectorIndex applies the queue
-- before each search. Nothing is queued while there is no index.
CREATE TABLE vector_index_changes (
  chunk_id  INTEGER PRIMARY KEY
);
CREATE TRIGGER chunk_embeddings_vi_ai AFTER INSERT ON chunk_embeddings WHEN EXISTS (SELECT 1 FROM vector_indexes) BEGIN
  INSERT OR IGNORE INTO vector_index_changes (chunk_id) VALUES (new.chunk_id);
END;
CREATE TRIGGER chunk_embeddings_vi_au AFTER UPDATE ON chunk_embeddings WHEN EXISTS (SELECT 1 FROM vector_indexes) BEGIN
  INSERT OR IGNORE INTO vector_index_changes (chunk_id) VALUES (new.chunk_id);
END;
CREATE TRIGGER chunk_embeddings_vi_ad AFTER DELETE ON chunk_embeddings WHEN EXISTS (SELECT 1 FROM vector_indexes) BEGIN
  INSERT OR IGNORE INTO vector_index_changes (chunk_id) VALUES (old.chunk_id);
END;
