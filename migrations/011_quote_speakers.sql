-- A reviewer's speaker for a quote, kept by the article and the quote's words
-- (like pair reviews), so it survives re-analysis and text replacement, when
-- quotes get new ids.
CREATE TABLE quote_speaker_reviews (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  -- where the quote stood when reviewed: the nearest of several equal quotes wins
  start       INTEGER NOT NULL,
  speaker     TEXT NOT NULL CHECK (length(speaker) BETWEEN 1 AND 200),
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (article_id, text)
);
