-- The surname of each speaker alias: the last of its folded words, titles aside (speaker_surname, registered by the
-- app from speakerWords in src/speakers/names.ts; '' when the alias has none). Resolving a new name reads only the
-- speakers it could be (a surname alone joins the one full name it fits), not every speaker of the corpus.
ALTER TABLE speaker_aliases ADD COLUMN surname TEXT NOT NULL DEFAULT '';
UPDATE speaker_aliases SET surname = speaker_surname(alias);
CREATE INDEX speaker_aliases_surname ON speaker_aliases (surname);
