-- Annotations imported from another instance belong to the importing user and
-- carry the import's own times; who wrote them there and when is kept here as
-- provenance only (never matched to an account here).
ALTER TABLE annotations ADD COLUMN imported_author TEXT;
ALTER TABLE annotations ADD COLUMN imported_created_at TEXT;

-- Articles are deleted softly: hidden from lists, search, comparisons and
-- exports, with their annotations and histories kept, until an admin
-- restores them. Their quotes, pairs and suggestions are removed on delete
-- and found again on restore (they are derived from the text).
ALTER TABLE articles ADD COLUMN deleted_at TEXT;
ALTER TABLE articles ADD COLUMN deleted_by INTEGER REFERENCES users (id);
CREATE INDEX articles_deleted ON articles (deleted_at);

-- Who deleted and restored an article, and when.
CREATE TABLE article_history (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id     INTEGER REFERENCES users (id),
  action      TEXT NOT NULL CHECK (action IN ('delete', 'restore')),
  at          TEXT NOT NULL,
  reason      TEXT
);
CREATE INDEX article_history_article ON article_history (article_id, id);
