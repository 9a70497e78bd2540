-- What a later version altered (number, amount, date, quantity, negation,
-- name), as JSON [{"kind","earlier","later"}] from quote_a's words to quote_b's.
-- A pair with alterations is a possible misquote.
ALTER TABLE pairs ADD COLUMN alterations TEXT NOT NULL DEFAULT '[]';

-- Pairing features of each quote, computed once when its article is analysed
-- and read back when the quote comes up as a candidate.
CREATE TABLE quote_features (
  quote_id  INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
  features  TEXT NOT NULL
);
