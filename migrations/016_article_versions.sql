-- Article versions: when an article's text is replaced (a correction, or a
-- re-import of the same address whose text changed) the text it had is kept
-- here with its furniture record and the quotes found in it, so stealth edits
-- can be listed and diffed. The article row holds the newest text; the
-- versions before it are numbered from 1 in the order they were superseded.
CREATE TABLE article_versions (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  format         TEXT NOT NULL,
  original       TEXT NOT NULL,
  text           TEXT NOT NULL,
  text_hash      TEXT NOT NULL,
  furniture      TEXT NOT NULL DEFAULT '[]',
  word_count     INTEGER NOT NULL,
  -- the quotes found in this text when it was current (JSON array of {start, end, text, kind, speaker, cue})
  quotes         TEXT NOT NULL DEFAULT '[]',
  -- when this text became the article's text, and when a newer one replaced it
  stored_at      TEXT NOT NULL,
  superseded_at  TEXT NOT NULL,
  -- how the newer text came: 'replace' (the edit page or API), 'reimport' (same address), 'merge' (a near-duplicate made a version)
  superseded_by  TEXT NOT NULL CHECK (superseded_by IN ('replace', 'reimport', 'merge')),
  UNIQUE (article_id, number)
);
CREATE INDEX article_versions_hash ON article_versions (text_hash);

-- When the article's current text was stored (NULL: at its creation).
ALTER TABLE articles ADD COLUMN text_stored_at TEXT;

-- An import nearly identical to an existing article (≥ 90 % shared word
-- shingles) is stored as its own article and asks whether it is a new version
-- of that one; the question stays until it is answered.
ALTER TABLE articles ADD COLUMN similar_to INTEGER REFERENCES articles (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN similar_share REAL;
CREATE INDEX articles_url ON articles (url);
