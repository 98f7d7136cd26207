-- A failed import's reason as a catalog key with its values (JSON), so the UI shows it in its
-- language. Rows failed before have none and keep showing their English `error`.
ALTER TABLE documents ADD COLUMN error_text TEXT;
