-- Pairs: two quotes in different articles that report the same statement.
-- quote_a is always the one with the smaller id.
CREATE TABLE pairs (
  id          INTEGER PRIMARY KEY,
  quote_a     INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  quote_b     INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  score       REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  relation    TEXT NOT NULL CHECK (relation IN ('verbatim', 'near-verbatim', 'trimmed', 'paraphrase', 'gist')),
  reasons     TEXT NOT NULL DEFAULT '[]',
  status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
  origin      TEXT NOT NULL DEFAULT 'machine' CHECK (origin IN ('machine', 'reviewer')),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (quote_a, quote_b),
  CHECK (quote_a < quote_b)
);
CREATE INDEX pairs_quote_b ON pairs (quote_b);

-- Review decisions on pairs, kept by the articles and the words of both spans,
-- so they survive re-analysis (quotes get new ids when an article is analysed again).
CREATE TABLE pair_reviews (
  article_a   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_a     INTEGER NOT NULL,
  text_a      TEXT NOT NULL,
  article_b   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_b     INTEGER NOT NULL,
  text_b      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
  origin      TEXT NOT NULL DEFAULT 'machine' CHECK (origin IN ('machine', 'reviewer')),
  reviewed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (article_a, text_a, article_b, text_b)
);
CREATE INDEX pair_reviews_b ON pair_reviews (article_b);

-- The lemma index pairing looks candidates up in (no all-pairs comparison).
CREATE TABLE quote_terms (
  term      TEXT NOT NULL,
  quote_id  INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  PRIMARY KEY (term, quote_id)
) WITHOUT ROWID;
CREATE INDEX quote_terms_quote ON quote_terms (quote_id);
