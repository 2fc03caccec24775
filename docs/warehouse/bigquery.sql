-- Uptake usage roll-up from raw_calls (see README.md), BigQuery (GoogleSQL).
-- One row per UTC day, model and caller: day, model_id, caller, calls, failed_calls,
-- verified_calls, fees. Replace `raw_calls` with `project.dataset.raw_calls`.
WITH calls AS (
  SELECT
    NULLIF(TRIM(event_id, ' \t\r\n'), '') AS eid,
    ts,
    TRIM(model_id, ' \t\r\n') AS model_id,
    -- Callers as Uptake compares them: trimmed, an EVM address (0x + 40 hex digits) lower-cased.
    IF(REGEXP_CONTAINS(TRIM(caller, ' \t\r\n'), r'^0[xX][0-9a-fA-F]{40}$'),
       LOWER(TRIM(caller, ' \t\r\n')), TRIM(caller, ' \t\r\n')) AS caller,
    LOWER(TRIM(IFNULL(status, ''), ' \t\r\n')) = 'error' AS failed,
    -- tee and zkml in words (any case) or as the SDK's numbers: 2 = tee, 1 = zkml.
    LOWER(TRIM(IFNULL(mode, ''), ' \t\r\n')) IN ('tee', 'zkml', '1', '2') AS verified,
    -- Each fee to 9 fractional digits, half to even, as Uptake rounds a raw fee (BIGNUMERIC, exact).
    ROUND(IFNULL(fee, BIGNUMERIC '0'), 9, 'ROUND_HALF_EVEN') AS fee
  FROM raw_calls
),
firsts AS (
  -- An event_id counts once: its earliest copy. Calls without one are all kept.
  SELECT *, IF(eid IS NULL, 1, ROW_NUMBER() OVER (PARTITION BY eid ORDER BY ts)) AS copy
  FROM calls
)
SELECT
  DATE(ts, 'UTC') AS day,
  model_id,
  caller,
  COUNT(*) AS calls,
  COUNTIF(failed) AS failed_calls,
  COUNTIF(verified) AS verified_calls,
  SUM(fee) AS fees
FROM firsts
WHERE copy = 1
GROUP BY day, model_id, caller
ORDER BY day, model_id, caller
