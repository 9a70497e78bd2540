-- Speakers across the corpus, with the names they appear under.
CREATE TABLE speakers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE speaker_aliases (
  speaker_id  INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias       TEXT NOT NULL,
  -- matching key of the alias (transliteration variants share it)
  key         TEXT NOT NULL,
  PRIMARY KEY (speaker_id, alias)
);
CREATE INDEX speaker_aliases_key ON speaker_aliases (key);

-- Quotes: spans of an article's normalized text (end exclusive).
CREATE TABLE quotes (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start           INTEGER NOT NULL,
  end             INTEGER NOT NULL,
  text            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('full', 'partial', 'scare', 'indirect')),
  speaker_id      INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
  -- the speaker's name as resolved in this article ("Firas al-Yasser")
  speaker_name    TEXT,
  -- the words the article used for the speaker ("the Iraqi official")
  speaker_mention TEXT,
  cue             TEXT,
  outlet          TEXT,
  -- parts of one quotation interrupted by its attribution share a group number
  grp             INTEGER,
  CHECK (start >= 0 AND end > start)
);
CREATE INDEX quotes_article ON quotes (article_id, start);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
