-- The editorial model's confidence in each suggestion (0 … 1; null for a
-- suggestion stored before the model), and each sentence's bias score: how
-- likely a reader finds the sentence biased.
ALTER TABLE editorial_spans ADD COLUMN confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));
-- 1 when only the model found the span (no lexicon or pattern)
ALTER TABLE editorial_spans ADD COLUMN learnt INTEGER NOT NULL DEFAULT 0 CHECK (learnt IN (0, 1));

CREATE TABLE editorial_sentences (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  bias        REAL NOT NULL CHECK (bias >= 0 AND bias <= 1),
  PRIMARY KEY (article_id, start),
  CHECK (start >= 0 AND end > start)
);
