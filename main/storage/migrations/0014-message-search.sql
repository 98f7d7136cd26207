-- Full-text search over every message of every branch. The trigram tokenizer indexes every run of
-- three characters, so Chinese (which has no spaces between words) and mixed text are found as
-- substrings, as English is; shorter queries are matched by a scan in MessageSearch. The index
-- holds no copy of the text (external content: the messages table), and triggers keep it current,
-- including while an answer streams and when a conversation's messages are deleted.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
  content,
  content = 'messages',
  content_rowid = 'rowid',
  tokenize = 'trigram case_sensitive 0'
);

INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
  INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
END;
