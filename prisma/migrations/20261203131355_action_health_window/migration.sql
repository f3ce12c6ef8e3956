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

-- Elementwise a + factor × b over two latency-bucket arrays (a missing one counts as zeros).
CREATE FUNCTION "action_health_buckets_add"(a INTEGER[], b INTEGER[], factor INTEGER DEFAULT 1)
RETURNS INTEGER[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(x, 0) + factor * coalesce(y, 0) ORDER BY i)
  FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i)
$$;

-- The latency bucket (from 0) holding the nearest-rank 95th-percentile call, null without calls:
-- the twin of p95FromBuckets in @registry/core (a test holds the two equal).
CREATE FUNCTION "action_health_p95_bucket"(buckets INTEGER[])
RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (min(i) - 1)::int
  FROM (
    SELECT i, sum(n) OVER (ORDER BY i) AS seen, sum(n) OVER () AS total
    FROM unnest(buckets) WITH ORDINALITY AS u(n, i)
  ) AS running
  WHERE total > 0 AND seen >= (total * 95 + 99) / 100
$$;

-- Keeps an action's window row equal to the sum of its hourly rows: an inserted or updated hour
-- adds what it adds, a deleted (retired) hour is taken away, and the row goes with its last call.
-- Hours are retired oldest first, so a last error older than a retired hour's end is gone too.
CREATE FUNCTION "action_health_window_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.tenant_id, NEW.plugin_id, NEW.action_type)
      IS DISTINCT FROM (OLD.tenant_id, OLD.plugin_id, OLD.action_type) THEN
    RAISE EXCEPTION 'action_health_hourly: an hour cannot move to another action';
  END IF;
  IF TG_OP = 'DELETE' THEN
    UPDATE "action_health_window" AS w
    SET calls = w.calls - OLD.calls,
        successes = w.successes - OLD.successes,
        latency_buckets = action_health_buckets_add(w.latency_buckets, OLD.latency_buckets, -1),
        last_error_code = CASE WHEN w.last_error_at < OLD.hour + interval '1 hour'
                               THEN NULL ELSE w.last_error_code END,
        last_error_at = CASE WHEN w.last_error_at < OLD.hour + interval '1 hour'
                             THEN NULL ELSE w.last_error_at END,
        success_rank = -((w.successes - OLD.successes)::float8 / nullif(w.calls - OLD.calls, 0)),
        p95_bucket = action_health_p95_bucket(
          action_health_buckets_add(w.latency_buckets, OLD.latency_buckets, -1))
    WHERE w.tenant_id = OLD.tenant_id AND w.plugin_id = OLD.plugin_id
      AND w.action_type = OLD.action_type;
    DELETE FROM "action_health_window" AS w
    WHERE w.tenant_id = OLD.tenant_id AND w.plugin_id = OLD.plugin_id
      AND w.action_type = OLD.action_type AND w.calls <= 0;
    RETURN OLD;
  END IF;
  INSERT INTO "action_health_window" AS w (tenant_id, plugin_id, action_type, plugin_slug, calls,
    successes, latency_buckets, last_error_code, last_error_at, success_rank, p95_bucket)
  SELECT NEW.tenant_id, NEW.plugin_id, NEW.action_type,
         coalesce((SELECT p.slug FROM plugins p WHERE p.id = NEW.plugin_id), ''),
         d.calls, d.successes, d.buckets, NEW.last_error_code, NEW.last_error_at,
         -(d.successes::float8 / nullif(d.calls, 0)), action_health_p95_bucket(d.buckets)
  FROM (
    SELECT NEW.calls - coalesce(OLD.calls, 0) AS calls,
           NEW.successes - coalesce(OLD.successes, 0) AS successes,
           action_health_buckets_add(NEW.latency_buckets, OLD.latency_buckets, -1) AS buckets
  ) AS d
  ON CONFLICT (tenant_id, plugin_id, action_type) DO UPDATE
  SET calls = w.calls + excluded.calls,
      successes = w.successes + excluded.successes,
      latency_buckets = action_health_buckets_add(w.latency_buckets, excluded.latency_buckets),
      last_error_code = CASE WHEN excluded.last_error_at >= coalesce(w.last_error_at, '-infinity')
                             THEN excluded.last_error_code ELSE w.last_error_code END,
      last_error_at = greatest(w.last_error_at, excluded.last_error_at),
      success_rank = -((w.successes + excluded.successes)::float8
                       / nullif(w.calls + excluded.calls, 0)),
      p95_bucket = action_health_p95_bucket(
        action_health_buckets_add(w.latency_buckets, excluded.latency_buckets));
  RETURN NEW;
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
