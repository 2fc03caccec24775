-- The raw-calls table of docs/warehouse/README.md, in PostgreSQL.
CREATE TABLE raw_calls (
    event_id text,
    ts timestamptz NOT NULL,
    model_id text NOT NULL,
    caller text NOT NULL,
    mode text,
    status text,
    fee numeric
);
