-- How many tokens the engine held in its context when it began an answer (the whole prompt:
-- what it kept from a saved state plus what it read). With the answer's own tokens, that is how
-- much of the context window the conversation fills (the chat header's gauge). NULL: answers
-- written before this was recorded, or by a remote engine, which does not say.
ALTER TABLE messages ADD COLUMN context_held INTEGER;
