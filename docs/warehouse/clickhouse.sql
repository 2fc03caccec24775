-- Uptake usage roll-up from raw_calls (see README.md), ClickHouse 22.8 or later.
-- One row per UTC day, model and caller: day, model_id, caller, calls, failed_calls,
-- verified_calls, fees. Import the result with `uptake import usage`.
WITH calls AS (
    SELECT
        nullIf(replaceRegexpAll(ifNull(event_id, ''), '^[ \t\r\n]+|[ \t\r\n]+$', ''), '') AS eid,
        ts,
        replaceRegexpAll(model_id, '^[ \t\r\n]+|[ \t\r\n]+$', '') AS model_id_trimmed,
        -- Callers as Uptake compares them: trimmed, an EVM address (0x + 40 hex digits) lower-cased.
        replaceRegexpAll(caller, '^[ \t\r\n]+|[ \t\r\n]+$', '') AS caller_trimmed,
        if(match(caller_trimmed, '^0[xX][0-9a-fA-F]{40}$'), lower(caller_trimmed), caller_trimmed) AS caller_key,
        lower(replaceRegexpAll(ifNull(status, ''), '^[ \t\r\n]+|[ \t\r\n]+$', '')) = 'error' AS failed,
        -- tee and zkml in words (any case) or as the SDK's numbers: 2 = tee, 1 = zkml.
        lower(replaceRegexpAll(ifNull(mode, ''), '^[ \t\r\n]+|[ \t\r\n]+$', '')) IN ('tee', 'zkml', '1', '2') AS verified,
        -- Each fee to 9 fractional digits, half to even, as Uptake rounds a raw fee (Decimal throughout).
        roundBankers(ifNull(fee, toDecimal128(0, 18)), 9) AS fee_rounded
    FROM raw_calls
),
firsts AS (
    -- An event_id counts once: its earliest copy. Calls without one are all kept.
    SELECT *, if(eid IS NULL, 1, row_number() OVER (PARTITION BY eid ORDER BY ts)) AS copy
    FROM calls
)
SELECT
    toDate(ts, 'UTC') AS day,
    model_id_trimmed AS model_id,
    caller_key AS caller,
    count() AS calls,
    countIf(failed) AS failed_calls,
    countIf(verified) AS verified_calls,
    CAST(sum(fee_rounded) AS Decimal(38, 9)) AS fees
FROM firsts
WHERE copy = 1
GROUP BY day, model_id, caller
ORDER BY day, model_id, caller
