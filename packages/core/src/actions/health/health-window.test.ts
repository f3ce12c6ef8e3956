import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  pluginServerForFile,
  sendJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { actionNames, discoverAllPages, discoverPage } from '../../../test/support/discovery';
import { dispatchBody } from '../../../test/support/dispatch-body';
import { testRegistryDeps } from '../../../test/support/test-registry-deps';
import { LATENCY_BUCKET_COUNT, p95Bucket } from './latency-buckets';
import { retireHealthHours } from './retire-health-hours';

const deps = testRegistryDeps({ PLUGIN_RETRY_SCHEDULE: '0s', PLUGIN_CIRCUIT_THRESHOLD: '50' });

/** Succeeds, or fails when the payload says `fail`. */
const server = await pluginServerForFile({
  '/actions/act': (call, response) => {
    const fail = (call.body as { fail?: boolean } | undefined)?.fail;
    sendJson(response, fail ? 503 : 200, fail ? { error: 'down' } : { ok: true });
  },
});

const discover = async (tenantId: string, query: Record<string, string> = {}) =>
  (await discoverPage(deps, tenantId, query)).actions;
const pluginNames = (actions: Parameters<typeof actionNames>[0]) =>
  actionNames(actions).filter((name) => !name.startsWith('platform:'));

async function send(tenantId: string, pluginId: string, payloads: object[]) {
  for (const payload of payloads) {
    await dispatchBody(deps, tenantId, {
      events: [{ action_type: 'act', plugin_id: pluginId, payload }],
    });
  }
}

/** As if this tenant's calls so far had been made 25 hours ago: their hours and errors move. */
async function ageHours(tenantId: string) {
  const back = `- interval '25 hours'`;
  await deps.sql.query(
    `UPDATE action_health_hourly SET hour = hour ${back}, last_error_at = last_error_at ${back}
     WHERE tenant_id = $1`,
    [tenantId],
  );
  await deps.sql.query(
    `UPDATE action_health_window SET last_error_at = last_error_at ${back} WHERE tenant_id = $1`,
    [tenantId],
  );
}

/** Bucket counts: none, one in each bucket, the nearest rank's edges, and a seeded spread. */
function bucketCases(): number[][] {
  const zero = Array(LATENCY_BUCKET_COUNT).fill(0);
  const cases: number[][] = [zero, [...zero.slice(1), 1]];
  for (let index = 0; index < LATENCY_BUCKET_COUNT; index++) {
    cases.push(zero.map((_, i) => (i === index ? 3 : 0)));
  }
  // 95 and 5, 94 and 6, 19 and 1, 20 calls whose 95th is the 19th: the rank's edges.
  cases.push([95, 5, ...zero.slice(2)], [94, 6, ...zero.slice(2)], [19, 1, ...zero.slice(2)]);
  cases.push([18, 1, 1, ...zero.slice(3)], [60, 0, 0, 3, ...zero.slice(4)]);
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  for (let n = 0; n < 40; n++) cases.push(zero.map(() => (next() % 4 === 0 ? next() % 50 : 0)));
  return cases;
}

describe("an action's health over the window", () => {
  it('[HEALTH][P95]: the database ranks by the same 95th-percentile bucket the answer reports', async () => {
    const cases = bucketCases();
    const { rows } = await deps.sql.query<{ bucket: number | null }>(
      `SELECT action_health_p95_bucket(c.buckets) AS bucket
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, i)
       CROSS JOIN LATERAL (SELECT array_agg(x::int ORDER BY j) AS buckets
         FROM jsonb_array_elements_text(e.value) WITH ORDINALITY AS b(x, j)) AS c
       ORDER BY e.i`,
      [JSON.stringify(cases)],
    );
    expect(rows.map((row) => row.bucket)).toEqual(cases.map(p95Bucket));
    expect(cases.map(p95Bucket).slice(0, 2)).toEqual([null, LATENCY_BUCKET_COUNT - 1]);
  });

  it('[HEALTH][SORT]: a rare filter on a health sort finds its actions far down the ranking, page by page', async () => {
    const tenantId = newTenantId();
    // 450 actions, every 40th 'rare'; each called once, every 7th failing: two ranks. A page
    // walks the ranking in steps (200 rows, then more): the rare ones sit past the first.
    const types = Array.from({ length: 450 }, (_, i) => `act_${String(i).padStart(3, '0')}`);
    const plugin = await insertPlugin(deps.db, tenantId, {
      slug: 'wide',
      apiEndpoint: server.url,
      actions: types.map((type, i) =>
        actionDefinition(type, { endpoint: '/actions/act', category: i % 40 ? 'common' : 'rare' }),
      ),
    });
    for (let from = 0; from < types.length; from += 100) {
      await dispatchBody(deps, tenantId, {
        events: types.slice(from, from + 100).map((type, i) => ({
          action_type: type,
          plugin_id: plugin.id,
          payload: { fail: (from + i) % 7 === 0 },
        })),
      });
    }
    const rare = types.filter((_, i) => i % 40 === 0);
    const expected = [
      ...rare.filter((_, n) => (n * 40) % 7 !== 0),
      ...rare.filter((_, n) => (n * 40) % 7 === 0),
    ].map((type) => `wide:${type}`);

    const query = { sort: 'success_rate', category: 'rare' };
    expect(pluginNames(await discover(tenantId, query))).toEqual(expected);
    const paged = await discoverAllPages(deps, tenantId, { ...query, limit: '3' });
    expect(pluginNames(paged.actions)).toEqual(expected);
    expect(paged.pages).toBe(Math.ceil(expected.length / 3));
  }, 60_000);

  it('[HEALTH][RETIRE]: calls older than the window leave the figures, the filter and the sort', async () => {
    const tenantId = newTenantId();
    const [early, late] = await Promise.all(
      ['early', 'late'].map((slug) =>
        insertPlugin(deps.db, tenantId, {
          slug,
          apiEndpoint: server.url,
          actions: [actionDefinition('act')],
        }),
      ),
    );
    // Yesterday: early failed twice of four, late succeeded once.
    await send(tenantId, early?.id as string, [{}, { fail: true }, {}, { fail: true }]);
    await send(tenantId, late?.id as string, [{}]);
    await ageHours(tenantId);
    // Today: early succeeds three times.
    await send(tenantId, early?.id as string, [{}, {}, {}]);

    const before = await discover(tenantId, { plugin: 'early' });
    expect(before[0]?.health).toMatchObject({
      calls: 7,
      success_rate: 5 / 7,
      last_error_code: 'HTTP_5XX',
    });
    expect(pluginNames(await discover(tenantId, { healthy: 'true' }))).toEqual(['late:act']);

    expect(await retireHealthHours(deps.sql)).toBeGreaterThanOrEqual(2);

    const [earlyAction] = await discover(tenantId, { plugin: 'early' });
    const [lateAction] = await discover(tenantId, { plugin: 'late' });
    expect(earlyAction?.health).toMatchObject({
      calls: 3,
      success_rate: 1,
      last_error_code: null,
      last_error_at: null,
    });
    expect(lateAction?.health).toMatchObject({ calls: 0, success_rate: null, p95_ms: null });
    expect(pluginNames(await discover(tenantId, { healthy: 'true' }))).toEqual([
      'early:act',
      'late:act',
    ]);
    // Ranked: early (called today); then late among the uncalled, in catalog order.
    expect(pluginNames(await discover(tenantId, { sort: 'p95' }))).toEqual([
      'early:act',
      'late:act',
    ]);
    expect(await retireHealthHours(deps.sql)).toBe(0);
  });

  it('[HEALTH][RETIRE]: retiring while events settle loses no call and blocks nothing', async () => {
    const tenantId = newTenantId();
    const plugins = await Promise.all(
      ['one', 'two', 'three'].map((slug) =>
        insertPlugin(deps.db, tenantId, {
          slug,
          apiEndpoint: server.url,
          actions: [actionDefinition('act')],
        }),
      ),
    );
    for (const plugin of plugins) await send(tenantId, plugin.id, [{}, { fail: true }]);
    await ageHours(tenantId);

    // Each flow sends one event to each plugin (settled together), while hours retire.
    const flows = Array.from({ length: 12 }, (_, n) =>
      dispatchBody(deps, tenantId, {
        events: plugins.map((plugin) => ({
          action_type: 'act',
          plugin_id: plugin.id,
          payload: { fail: n % 4 === 0 },
        })),
      }),
    );
    const retirements = Array.from({ length: 4 }, () => retireHealthHours(deps.sql));
    await Promise.all([...flows, ...retirements]);

    const health = (await discover(tenantId, { search: 'act' }))
      .filter((action) => action.source === 'plugin')
      .map((action) => action.health);
    expect(health).toEqual(
      plugins.map(() => expect.objectContaining({ calls: 12, success_rate: 9 / 12 })),
    );
  });
});
