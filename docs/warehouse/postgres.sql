-- Uptake usage roll-up from raw_calls (see README.md), PostgreSQL 12 or later.
-- One row per UTC day, model and caller: day, model_id, caller, calls, failed_calls,
-- verified_calls, fees. Import the result with `uptake import usage`.
WITH calls AS (
    SELECT
        nullif(btrim(event_id, E' \t\r\n'), '') AS eid,
        ts,
        btrim(model_id, E' \t\r\n') AS model_id,
        -- Callers as Uptake compares them: trimmed, an EVM address (0x + 40 hex digits) lower-cased.
        CASE WHEN btrim(caller, E' \t\r\n') ~ '^0[xX][0-9a-fA-F]{40}$'
             THEN lower(btrim(caller, E' \t\r\n'))
             ELSE btrim(caller, E' \t\r\n') END AS caller,
        lower(btrim(coalesce(status, ''), E' \t\r\n')) = 'error' AS failed,
        -- tee and zkml in words (any case) or as the SDK's numbers: 2 = tee, 1 = zkml.
        lower(btrim(coalesce(mode, ''), E' \t\r\n')) IN ('tee', 'zkml', '1', '2') AS verified,
        -- Each fee to 9 fractional digits, half to even, as Uptake rounds a raw fee.
        coalesce(CASE WHEN (fee * 1000000000) % 1 = 0.5 AND trunc(fee * 1000000000) % 2 = 0
                      THEN trunc(fee, 9)
                      ELSE round(fee, 9) END, 0) AS fee
    FROM raw_calls
),
firsts AS (
    -- An event_id counts once: its earliest copy. Calls without one are all kept.
    SELECT *, CASE WHEN eid IS NULL THEN 1
                   ELSE row_number() OVER (PARTITION BY eid ORDER BY ts) END AS copy
    FROM calls
)
SELECT
    (ts AT TIME ZONE 'UTC')::date AS day,
    model_id,
    caller,
    count(*) AS calls,
    count(*) FILTER (WHERE failed) AS failed_calls,
    count(*) FILTER (WHERE verified) AS verified_calls,
    sum(fee) AS fees
FROM firsts
WHERE copy = 1
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
