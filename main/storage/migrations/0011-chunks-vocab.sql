-- How many passages hold each indexed term, read from the full-text index itself (no copy): keyword
-- search leaves out of its OR fallback a word in half the passages or more, which FTS5's bm25 gives
-- an idf of 1e-6 (it changes no ranking) yet whose matching and scoring was most of a slow query.
CREATE VIRTUAL TABLE chunks_vocab USING fts5vocab (chunks_fts, 'row');
