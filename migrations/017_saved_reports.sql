-- Reports a user built: the scope (JSON: {kind, articleId | articleIds | outlet}),
-- which pairs go in ('reviewed', 'all', or 'chosen' with the chosen pairs kept
-- by both versions' articles and words — JSON [{a:{articleId,text},b:{...}}] —
-- so a choice survives re-analysis), and the writer's title, summary and
-- conclusion, so the report can be made again at any time.
CREATE TABLE saved_reports (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  scope       TEXT NOT NULL,
  selection   TEXT NOT NULL CHECK (selection IN ('reviewed', 'all', 'chosen')),
  pairs       TEXT NOT NULL DEFAULT '[]',
  summary     TEXT NOT NULL DEFAULT '',
  conclusion  TEXT NOT NULL DEFAULT '',
  created_by  INTEGER REFERENCES users (id),
  updated_by  INTEGER REFERENCES users (id),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
