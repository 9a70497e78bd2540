-- A counter that moves whenever a quote is inserted, deleted or changed, by
-- any connection. An import reads pairing candidates and scores them outside
-- its write transaction (in a worker thread, so requests are not held up);
-- under the write lock it checks the counter is where it was when it read,
-- and pairs again in the transaction when the corpus moved meanwhile.
CREATE TABLE pairing_generation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL
);
INSERT INTO pairing_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER quotes_generation_insert AFTER INSERT ON quotes BEGIN
  UPDATE pairing_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER quotes_generation_delete AFTER DELETE ON quotes BEGIN
  UPDATE pairing_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER quotes_generation_update AFTER UPDATE ON quotes BEGIN
  UPDATE pairing_generation SET generation = generation + 1 WHERE id = 1;
END;
