-- Which history a turn state covers, as a hash chain of the system prompt and the turns the model
-- read (role and text), so a next turn can check that a state is its prefix without rendering the
-- whole history again. States saved before this have none and are not used (read again once).
ALTER TABLE states ADD COLUMN history_hash TEXT;
