-- Vigil's own tables, next to Spring Batch's. Idempotent: run at every start.

-- One row per distinct file content (SHA-256) ever seen. An evaluated content is never analysed again.
CREATE TABLE IF NOT EXISTS vigil_item (
    sha256          CHAR(64)      NOT NULL PRIMARY KEY,
    inbox           VARCHAR(2000) NOT NULL,   -- the inbox that (last) queued it
    path            VARCHAR(2000) NOT NULL,   -- path relative to that inbox
    night           DATE          NOT NULL,   -- the night that (last) queued it
    status          VARCHAR(16)   NOT NULL,   -- PENDING, DONE, QUARANTINED
    interaction_id  VARCHAR(300),
    agent_id        VARCHAR(300),
    channel         VARCHAR(10),
    started_at      TIMESTAMP WITH TIME ZONE,
    score           DOUBLE PRECISION,
    passed          BOOLEAN,                  -- false for an interaction sent to human review
    needs_review    BOOLEAN DEFAULT FALSE,    -- sent to human review: its score is kept out of every aggregate
    review_reason   VARCHAR(4000),            -- why, when needs_review
    evaluation      CLOB,                     -- the contract's evaluations.jsonl line
    transcript      CLOB,                     -- the contract's transcripts/<id>.json
    stage           VARCHAR(20),
    reason          VARCHAR(4000)
);
-- Databases created before human review was routed get the columns (false: auto-scored).
ALTER TABLE vigil_item ADD COLUMN IF NOT EXISTS needs_review BOOLEAN DEFAULT FALSE;
ALTER TABLE vigil_item ADD COLUMN IF NOT EXISTS review_reason VARCHAR(4000);
-- Not unique: two files may carry the same interaction id; each run publishes the first by path and quarantines
-- the others, whatever order the threads finished in.
CREATE INDEX IF NOT EXISTS vigil_item_interaction ON vigil_item (interaction_id);
CREATE INDEX IF NOT EXISTS vigil_item_pending ON vigil_item (status, inbox, night, sha256);
-- An agent's evaluations across nights, for the training uptake on the agent's page.
CREATE INDEX IF NOT EXISTS vigil_item_agent ON vigil_item (agent_id, status);

-- The files one night's inbox held: (inbox, night) is one run, the nightly-qa job instance.
CREATE TABLE IF NOT EXISTS vigil_run_file (
    inbox           VARCHAR(2000) NOT NULL,
    night           DATE          NOT NULL,
    path            VARCHAR(2000) NOT NULL,   -- relative to the inbox
    sha256          CHAR(64)      NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    duplicate_of    VARCHAR(2000),            -- set when an identical file came earlier in the same run
    PRIMARY KEY (inbox, night, path)
);
CREATE INDEX IF NOT EXISTS vigil_run_file_sha ON vigil_run_file (inbox, night, sha256);

-- Per agent and night roll-ups, the source of trends.
CREATE TABLE IF NOT EXISTS vigil_agent_night (
    agent_id        VARCHAR(300)  NOT NULL,
    night           DATE          NOT NULL,
    inbox           VARCHAR(2000) NOT NULL,
    interactions    INT           NOT NULL,   -- evaluated, including those sent to human review
    needs_review    INT           DEFAULT 0 NOT NULL, -- of which sent to human review (not in mean_score)
    mean_score      DOUBLE PRECISION NOT NULL, -- over the interactions - needs_review auto-scored ones
    scorecard       CLOB          NOT NULL,   -- the agent's scorecard row as JSON
    PRIMARY KEY (agent_id, night, inbox)
);
ALTER TABLE vigil_agent_night ADD COLUMN IF NOT EXISTS needs_review INT DEFAULT 0 NOT NULL;
