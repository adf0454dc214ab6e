-- Work that one engine node does at a time when several share this database (issue 17): the task outbox's relay.
-- A node holds a lease while held_until is ahead of the database's clock, and renews it while it works; another
-- node takes it over once it has run out (the holder died or stopped).
CREATE TABLE IF NOT EXISTS consilium_lease (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder          VARCHAR(255) NOT NULL,
    held_until      TIMESTAMP WITH TIME ZONE NOT NULL
);
