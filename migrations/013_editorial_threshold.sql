-- The confidence from which a reviewer sees the editorial model's own
-- suggestions; no row means the default.
CREATE TABLE editorial_preferences (
  user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  threshold  REAL NOT NULL CHECK (threshold >= 0 AND threshold <= 1)
);
