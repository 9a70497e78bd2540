-- Reference versions. An article of kind 'primary-source' (an original
-- interview, a transcript) is the version every other one is compared against;
-- kept apart from the articles table so that marking one does not rewrite it.
CREATE TABLE article_kinds (
  article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('primary-source')),
  set_by      INTEGER REFERENCES users (id),
  set_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A version marked by a reviewer as the reference of its statement, kept (like
-- review decisions) by its article and words so it survives re-analysis.
CREATE TABLE statement_references (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  text        TEXT NOT NULL,
  set_by      INTEGER REFERENCES users (id),
  set_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (article_id, text)
);
