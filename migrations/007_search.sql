-- Search with stemming: the article index is rebuilt with the Porter stemmer
-- (so "withdrawal" finds "withdraw", "occupier" finds "occupiers"), and
-- quotes get an index of their own over their words and their speaker.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, outlet, author, text,
  content = 'articles', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, outlet, author, text) VALUES (new.id, new.title, new.outlet, new.author, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, outlet, author, text) VALUES ('delete', old.id, old.title, old.outlet, old.author, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, author, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, outlet, author, text) VALUES ('delete', old.id, old.title, old.outlet, old.author, old.text);
  INSERT INTO articles_fts (rowid, title, outlet, author, text) VALUES (new.id, new.title, new.outlet, new.author, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker_name, speaker_mention,
  content = 'quotes', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text, speaker_name, speaker_mention) VALUES (new.id, new.text, new.speaker_name, new.speaker_mention);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name, speaker_mention) VALUES ('delete', old.id, old.text, old.speaker_name, old.speaker_mention);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_name, speaker_mention ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name, speaker_mention) VALUES ('delete', old.id, old.text, old.speaker_name, old.speaker_mention);
  INSERT INTO quotes_fts (rowid, text, speaker_name, speaker_mention) VALUES (new.id, new.text, new.speaker_name, new.speaker_mention);
END;
