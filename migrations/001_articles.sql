-- Articles: the original as received, the normalized text, metadata and the
-- page furniture removed from it (JSON array of {text, reason}).
CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  outlet      TEXT,
  author      TEXT,
  published   TEXT,
  url         TEXT,
  format      TEXT NOT NULL,
  original    TEXT NOT NULL,
  text        TEXT NOT NULL,
  text_hash   TEXT NOT NULL UNIQUE,
  furniture   TEXT NOT NULL DEFAULT '[]',
  word_count  INTEGER NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, outlet, author, text,
  content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, outlet, author, text) VALUES (new.id, new.title, new.outlet, new.author, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, outlet, author, text) VALUES ('delete', old.id, old.title, old.outlet, old.author, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, outlet, author, text) VALUES ('delete', old.id, old.title, old.outlet, old.author, old.text);
  INSERT INTO articles_fts (rowid, title, outlet, author, text) VALUES (new.id, new.title, new.outlet, new.author, new.text);
END;
