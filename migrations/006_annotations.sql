-- The tag taxonomy (editorial categories, quote handling, framing). Seeded
-- from data/tags.json at start-up; admins add, rename and retire tags. A tag's
-- id never changes, so annotations keep pointing at it after a rename.
CREATE TABLE tags (
  id           TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND length(id) <= 60),
  family       TEXT NOT NULL,
  label        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0,
  -- a retired tag stays on old annotations but is not offered for new ones
  retired_at   TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A reviewer's tag and/or note on a span of an article's normalized text
-- (end exclusive), anchored by position and by quote (exact text with about
-- 32 characters of prefix and suffix), as in the W3C Web Annotation model
-- (TextPositionSelector + TextQuoteSelector). A note on a pair as a whole also
-- names the span in the other article (other_*).
CREATE TABLE annotations (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  article_id        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start             INTEGER NOT NULL,
  end               INTEGER NOT NULL,
  exact             TEXT NOT NULL,
  prefix            TEXT NOT NULL DEFAULT '',
  suffix            TEXT NOT NULL DEFAULT '',
  tag_id            TEXT REFERENCES tags (id),
  note              TEXT,
  other_article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,
  other_start       INTEGER,
  other_end         INTEGER,
  other_exact       TEXT,
  other_prefix      TEXT,
  other_suffix      TEXT,
  creator_id        INTEGER NOT NULL REFERENCES users (id),
  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'orphaned', 'deleted')),
  created_at        TEXT NOT NULL,
  modified_at       TEXT NOT NULL,
  CHECK (start >= 0 AND end > start),
  CHECK (tag_id IS NOT NULL OR note IS NOT NULL),
  CHECK (other_article_id IS NULL OR (other_start >= 0 AND other_end > other_start AND other_exact IS NOT NULL))
);
CREATE INDEX annotations_article ON annotations (article_id, start);
CREATE INDEX annotations_other_article ON annotations (other_article_id);
CREATE INDEX annotations_tag ON annotations (tag_id);
CREATE INDEX annotations_creator ON annotations (creator_id);
CREATE INDEX annotations_created ON annotations (created_at);

-- Every change to an annotation: who (null for re-anchoring after a text
-- change), when, what, and the annotation before and after as JSON.
CREATE TABLE annotation_history (
  id             INTEGER PRIMARY KEY,
  annotation_id  INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  user_id        INTEGER REFERENCES users (id),
  action         TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'reanchor', 'orphan')),
  at             TEXT NOT NULL,
  before         TEXT,
  after          TEXT
);
CREATE INDEX annotation_history_annotation ON annotation_history (annotation_id, id);
