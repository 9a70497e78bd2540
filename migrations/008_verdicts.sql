-- The fact-check scale: seeded from data/verdict-scale.json at start-up; admins
-- rename ratings, change their values and add new ones. A rating's id never
-- changes, so verdicts keep pointing at it after a rename. value is the
-- ClaimReview ratingValue (higher is better).
CREATE TABLE verdict_ratings (
  id           TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND length(id) <= 60),
  label        TEXT NOT NULL,
  value        INTEGER NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  retired_at   TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The fact-check record of a pair: its verdict (rating, rationale, reviewer,
-- time), the second review, and who it is assigned to. Kept, like pair review
-- decisions, by the articles and the words of both spans (ordered by article
-- id, then words), so it survives re-analysis, which gives quotes and pairs new
-- ids. A row in state 'open' has no verdict yet (it was assigned, confirmed or
-- rejected).
CREATE TABLE verdicts (
  id                   INTEGER PRIMARY KEY,
  article_a            INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_a              INTEGER NOT NULL,
  text_a               TEXT NOT NULL,
  article_b            INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_b              INTEGER NOT NULL,
  text_b               TEXT NOT NULL,
  state                TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'verdict-given', 'second-review-done')),
  rating_id            TEXT REFERENCES verdict_ratings (id),
  rationale            TEXT,
  reviewer_id          INTEGER REFERENCES users (id),
  given_at             TEXT,
  needs_second_review  INTEGER NOT NULL DEFAULT 0 CHECK (needs_second_review IN (0, 1)),
  second_reviewer_id   INTEGER REFERENCES users (id),
  second_reviewed_at   TEXT,
  assignee_id          INTEGER REFERENCES users (id),
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (article_a, text_a, article_b, text_b),
  CHECK ((state = 'open') = (rating_id IS NULL)),
  CHECK (state <> 'second-review-done' OR second_reviewer_id IS NOT NULL)
);
CREATE INDEX verdicts_article_b ON verdicts (article_b);
CREATE INDEX verdicts_assignee ON verdicts (assignee_id);

-- Every change to a pair's fact-check record: who, when, what, and the record
-- before and after as JSON.
CREATE TABLE verdict_history (
  id          INTEGER PRIMARY KEY,
  verdict_id  INTEGER NOT NULL REFERENCES verdicts (id) ON DELETE CASCADE,
  user_id     INTEGER REFERENCES users (id),
  action      TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'restore', 'verdict', 'second-review', 'assign', 'request-second-review')),
  at          TEXT NOT NULL,
  before      TEXT,
  after       TEXT
);
CREATE INDEX verdict_history_verdict ON verdict_history (verdict_id, id);
