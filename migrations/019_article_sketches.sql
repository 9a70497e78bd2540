-- A sketch of each article's word shingles (the 64 lowest hashes of its
-- three-word runs, as a JSON array; ingest/shingles.ts): an import is asked
-- whether it is a new version of an article only when their sketches say the
-- two may share 90 % of their shingles, so the check reads no text of the
-- articles that cannot (it read the text of every article of about the same
-- length, on the thread that answers requests). Articles stored before have
-- none and are compared by their text, as before.
ALTER TABLE articles ADD COLUMN shingle_sketch TEXT;
