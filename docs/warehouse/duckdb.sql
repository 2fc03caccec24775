-- Uptake usage roll-up from raw_calls (see README.md), DuckDB 0.9 or later.
-- One row per UTC day, model and caller: day, model_id, caller, calls, failed_calls,
-- verified_calls, fees. Import the result with `uptake import usage`.
WITH calls AS (
    SELECT
        nullif(trim(event_id, ' ' || chr(9) || chr(13) || chr(10)), '') AS eid,
        ts,
        trim(model_id, ' ' || chr(9) || chr(13) || chr(10)) AS model_id,
        -- Callers as Uptake compares them: trimmed, an EVM address (0x + 40 hex digits) lower-cased.
        CASE WHEN regexp_full_match(trim(caller, ' ' || chr(9) || chr(13) || chr(10)), '0[xX][0-9a-fA-F]{40}')
             THEN lower(trim(caller, ' ' || chr(9) || chr(13) || chr(10)))
             ELSE trim(caller, ' ' || chr(9) || chr(13) || chr(10)) END AS caller,
        lower(trim(coalesce(status, ''), ' ' || chr(9) || chr(13) || chr(10))) = 'error' AS failed,
        -- tee and zkml in words (any case) or as the SDK's numbers: 2 = tee, 1 = zkml.
        lower(trim(coalesce(mode, ''), ' ' || chr(9) || chr(13) || chr(10))) IN ('tee', 'zkml', '1', '2') AS verified,
        -- Each fee to 9 fractional digits, half to even, as Uptake rounds a raw fee; DECIMAL
        -- throughout: the nano units are a whole DECIMAL, rounded by hand.
        coalesce(fee, 0::DECIMAL(38, 18)) * 1000000000 AS nano
    FROM raw_calls
),
firsts AS (
    -- An event_id counts once: its earliest copy. Calls without one are all kept.
    SELECT *,
           CASE WHEN eid IS NULL THEN 1 ELSE row_number() OVER (PARTITION BY eid ORDER BY ts) END AS copy,
           CASE WHEN nano - floor(nano) = 0.5 AND floor(nano) % 2 = 0 THEN floor(nano)
                ELSE floor(nano + 0.5) END AS nano_rounded
    FROM calls
)
SELECT
    CAST(timezone('UTC', ts) AS DATE) AS day,
    model_id,
    caller,
    count(*) AS calls,
    count(*) FILTER (WHERE failed) AS failed_calls,
    count(*) FILTER (WHERE verified) AS verified_calls,
    CAST(sum(nano_rounded) / 1000000000 AS DECIMAL(38, 9)) AS fees
FROM firsts
WHERE copy = 1
GROUP BY ALL
ORDER BY day, model_id, caller;
