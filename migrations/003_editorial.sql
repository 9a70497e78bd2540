-- Machine-suggested editorial-language spans of an article.
CREATE TABLE editorial_spans (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  category    TEXT NOT NULL,
  voice       TEXT NOT NULL CHECK (voice IN ('writer', 'quoted')),
  CHECK (start >= 0 AND end > start)
);
CREATE INDEX editorial_spans_article ON editorial_spans (article_id, start);

-- A reviewer's decision on a suggestion, kept by its words and category so it
-- survives re-analysis: a dismissed suggestion stays dismissed for that article.
CREATE TABLE editorial_decisions (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  category    TEXT NOT NULL,
  start       INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('accepted', 'dismissed')),
  decided_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (article_id, category, text, start)
);
