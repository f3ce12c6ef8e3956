-- DropIndex
DROP INDEX "action_health_hourly_tenant_id_hour_idx";

-- CreateTable
CREATE TABLE "action_health_window" (
    "tenant_id" UUID NOT NULL,
    "plugin_id" UUID NOT NULL,
    "action_type" TEXT NOT NULL,
    "plugin_slug" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "successes" INTEGER NOT NULL,
    "latency_buckets" INTEGER[],
    "last_error_code" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "success_rank" DOUBLE PRECISION,
    "p95_bucket" INTEGER,

    CONSTRAINT "action_health_window_pkey" PRIMARY KEY ("tenant_id","plugin_id","action_type")
);

-- CreateIndex
CREATE INDEX "action_health_window_tenant_id_success_rank_plugin_slug_act_idx" ON "action_health_window"("tenant_id", "success_rank", "plugin_slug", "action_type");

-- CreateIndex
CREATE INDEX "action_health_window_tenant_id_p95_bucket_plugin_slug_actio_idx" ON "action_health_window"("tenant_id", "p95_bucket", "plugin_slug", "action_type");

-- CreateIndex
CREATE INDEX "action_health_hourly_hour_idx" ON "action_health_hourly"("hour");

-- Every settling statement rewrites its action's row: room on each page lets the rewrite stay on
-- it (a HOT update) while the ranks, the only indexed figures, have not moved.
ALTER TABLE "action_health_window" SET (fillfactor = 80);

-- Elementwise a + factor × b over two latency-bucket arrays (a missing one counts as zeros).
-- PL/pgSQL: it runs in every settling statement, and a loop of simple expressions costs a few
-- microseconds where a SQL function's unnest and array_agg cost a query each.
CREATE FUNCTION "action_health_buckets_add"(a INTEGER[], b INTEGER[], factor INTEGER DEFAULT 1)
RETURNS INTEGER[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  sum INTEGER[] := '{}';
BEGIN
  FOR i IN 1 .. greatest(coalesce(cardinality(a), 0), coalesce(cardinality(b), 0)) LOOP
    sum[i] := coalesce(a[i], 0) + factor * coalesce(b[i], 0);
  END LOOP;
  RETURN sum;
END
$$;

-- The latency bucket (from 0) holding the nearest-rank 95th-percentile call, null without calls:
-- the twin of p95Bucket in @registry/core (a test holds the two equal).
CREATE FUNCTION "action_health_p95_bucket"(buckets INTEGER[])
RETURNS INTEGER LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  total BIGINT := 0;
  seen BIGINT := 0;
BEGIN
  FOR i IN 1 .. coalesce(cardinality(buckets), 0) LOOP
    total := total + coalesce(buckets[i], 0);
  END LOOP;
  IF total <= 0 THEN
    RETURN NULL;
  END IF;
  FOR i IN 1 .. cardinality(buckets) LOOP
    seen := seen + coalesce(buckets[i], 0);
    IF seen >= (total * 95 + 99) / 100 THEN
      RETURN i - 1;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

-- Keeps an action's window row equal to the sum of its hourly rows: an inserted or updated hour
-- adds what it adds, a deleted (retired) hour is taken away, and the row goes with its last call.
-- Hours are retired oldest first, so a last error older than a retired hour's end is gone too.
-- The row is locked, then written once: two statements in the common case.
CREATE FUNCTION "action_health_window_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
<<follow>>
DECLARE
  hour_row action_health_hourly;
  w action_health_window;
  calls INTEGER;
  successes INTEGER;
  buckets INTEGER[];
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.tenant_id, NEW.plugin_id, NEW.action_type)
      IS DISTINCT FROM (OLD.tenant_id, OLD.plugin_id, OLD.action_type) THEN
    RAISE EXCEPTION 'action_health_hourly: an hour cannot move to another action';
  END IF;
  IF TG_OP = 'DELETE' THEN hour_row := OLD; ELSE hour_row := NEW; END IF;
  LOOP
    SELECT * INTO w FROM "action_health_window" AS x
    WHERE x.tenant_id = hour_row.tenant_id AND x.plugin_id = hour_row.plugin_id
      AND x.action_type = hour_row.action_type
    FOR UPDATE;
    EXIT WHEN FOUND;
    IF TG_OP = 'DELETE' THEN
      RETURN NULL;
    END IF;
    INSERT INTO "action_health_window" (tenant_id, plugin_id, action_type, plugin_slug, calls,
                                        successes, latency_buckets)
    VALUES (hour_row.tenant_id, hour_row.plugin_id, hour_row.action_type,
            coalesce((SELECT p.slug FROM plugins p WHERE p.id = hour_row.plugin_id), ''), 0, 0, '{}')
    ON CONFLICT DO NOTHING;
  END LOOP;

  IF TG_OP = 'DELETE' THEN
    calls := w.calls - OLD.calls;
    successes := w.successes - OLD.successes;
    buckets := action_health_buckets_add(w.latency_buckets, OLD.latency_buckets, -1);
    IF w.last_error_at < OLD.hour + interval '1 hour' THEN
      w.last_error_at := NULL;
      w.last_error_code := NULL;
    END IF;
  ELSE
    calls := w.calls + NEW.calls - coalesce(OLD.calls, 0);
    successes := w.successes + NEW.successes - coalesce(OLD.successes, 0);
    buckets := action_health_buckets_add(
      action_health_buckets_add(w.latency_buckets, NEW.latency_buckets), OLD.latency_buckets, -1);
    IF NEW.last_error_at >= coalesce(w.last_error_at, '-infinity') THEN
      w.last_error_at := NEW.last_error_at;
      w.last_error_code := NEW.last_error_code;
    END IF;
  END IF;

  IF calls <= 0 THEN
    DELETE FROM "action_health_window" AS x
    WHERE x.tenant_id = w.tenant_id AND x.plugin_id = w.plugin_id AND x.action_type = w.action_type;
  ELSE
    UPDATE "action_health_window" AS x
    SET calls = follow.calls, successes = follow.successes, latency_buckets = follow.buckets,
        last_error_code = w.last_error_code, last_error_at = w.last_error_at,
        success_rank = -(follow.successes::float8 / follow.calls),
        p95_bucket = action_health_p95_bucket(follow.buckets)
    WHERE x.tenant_id = w.tenant_id AND x.plugin_id = w.plugin_id AND x.action_type = w.action_type;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "action_health_window_follow"
AFTER INSERT OR UPDATE OR DELETE ON "action_health_hourly"
FOR EACH ROW EXECUTE FUNCTION "action_health_window_follow"();

-- The hours recorded so far, added again through the trigger, oldest first.
CREATE TEMPORARY TABLE "health_hours" AS SELECT * FROM "action_health_hourly";
DELETE FROM "action_health_hourly";
INSERT INTO "action_health_hourly" SELECT * FROM "health_hours" ORDER BY "hour";
DROP TABLE "health_hours";
