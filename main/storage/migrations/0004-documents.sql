-- Documents for offline Q&A. A document row follows its import through
-- queued → extracting → indexing → indexed (or failed / cancelled); rows left in between by a
-- crash or a quit are continued at the next start. Chunks are written in batches, each in one
-- transaction with the document's progress, and (document_id, ordinal) is unique, so a resumed
-- import never indexes a chunk twice.
CREATE TABLE collections (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);

CREATE TABLE documents (
  id              TEXT PRIMARY KEY,
  collection_id   TEXT REFERENCES collections (id) ON DELETE CASCADE,
  path            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  size_bytes      INTEGER NOT NULL,
  content_hash    TEXT NOT NULL,
  kind            TEXT,
  title           TEXT,
  page_count      INTEGER,
  status          TEXT NOT NULL CHECK (status IN ('queued', 'extracting', 'indexing', 'indexed', 'failed', 'cancelled')),
  error_code      TEXT,
  error           TEXT,
  chunk_chars     INTEGER NOT NULL,
  chunk_overlap   INTEGER NOT NULL,
  chunks_total    INTEGER NOT NULL DEFAULT 0,
  chunks_indexed  INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
-- "Re-importing an unchanged file does nothing": one document per content per collection.
CREATE UNIQUE INDEX documents_content ON documents (ifnull(collection_id, ''), content_hash);

-- The extracted text: citations open the document here, at the chunk's offsets.
CREATE TABLE document_texts (
  document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  text         TEXT NOT NULL
);

CREATE TABLE chunks (
  id            INTEGER PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal       INTEGER NOT NULL,
  text          TEXT NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  page          INTEGER,
  heading_path  TEXT NOT NULL,
  UNIQUE (document_id, ordinal)
);

-- BM25 over chunk text and headings, kept in step with `chunks` by triggers.
CREATE VIRTUAL TABLE chunks_fts USING fts5 (
  text, heading_path,
  content = 'chunks', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
  INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
END;
CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
  INSERT INTO chunks_fts (chunks_fts, rowid, text, heading_path) VALUES ('delete', old.id, old.text, old.heading_path);
END;

-- Embeddings, when an embedding model is set: float32 little-endian vectors, L2-normalised.
CREATE TABLE chunk_embeddings (
  chunk_id  INTEGER PRIMARY KEY REFERENCES chunks (id) ON DELETE CASCADE,
  model     TEXT NOT NULL,
  dims      INTEGER NOT NULL,
  vector    BLOB NOT NULL
);

-- Q&A: the documents a conversation asks about, and whether it may answer only from them.
CREATE TABLE conversation_documents (
  conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  document_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (conversation_id, document_id)
);
ALTER TABLE conversations ADD COLUMN strict_documents INTEGER NOT NULL DEFAULT 0;
-- What the model was really given for a question (the question with its numbered sources), so
-- later turns and saved states render the same history; and the sources an answer may cite.
ALTER TABLE messages ADD COLUMN model_content TEXT;
ALTER TABLE messages ADD COLUMN sources_json TEXT;
