import { describeValidationCheck, type ValidationCheck } from '@registry/contracts';
import {
  createEndpointCaller,
  createPluginHttpClient,
  parseAddressAllowList,
  validateActions,
} from '@registry/core';
import { createEmailPlugin, startEmailPlugin } from '@registry/email-plugin';
import { type ActionRegistration, listen, registrationPayload } from '@registry/plugin-sdk';
import { createLoyaltyPlugin } from '@registry/sample-plugins';
import { brokenPluginActions, startBrokenPlugin } from '@registry/testing';
import { afterAll, describe, expect, it } from 'vitest';

const SECRET = 'whsec_dmFsaWRhdG9yIHRlc3Qgc2lnbmluZyBzZWNyZXQh';
const http = createPluginHttpClient({ addressPolicy: parseAddressAllowList('127.0.0.1') });
afterAll(() => http.close());
const signed = createEndpointCaller(http, [SECRET]);
const unsigned = createEndpointCaller(http, []);

describe('validateActions', () => {
  it('[VALIDATOR][CLEAN]: the email plugin passes every check of its ten actions', async () => {
    const plugin = await startEmailPlugin({ signingSecrets: [SECRET] });
    try {
      const { actions } = registrationPayload(createEmailPlugin());
      const reports = await validateActions(signed, plugin.url, actions, 5000);
      const failures = reports.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => c.problem));
      expect(failures).toEqual([]);
      expect(reports).toHaveLength(10);
      const checks = reports.reduce((sum, report) => sum + report.checks.length, 0);
      console.log(`validator: email plugin, ${reports.length} actions, ${checks} checks passed`);
      // Every valid call sent an email: two per action with optional fields, one otherwise.
      expect(plugin.sent().length).toBeGreaterThanOrEqual(10);
      const unsignedReports = await validateActions(
        unsigned,
        plugin.url,
        actions.slice(0, 1),
        5000,
      );
      expect(unsignedReports[0]?.checks[0]).toMatchObject({ ok: false, status: 401 });
    } finally {
      await plugin.close();
    }
  });

  it('[VALIDATOR][BROKEN]: every injected violation is caught and named', async () => {
    const plugin = await startBrokenPlugin();
    try {
      const reports = await validateActions(unsigned, plugin.url, brokenPluginActions, 5000);
      const verdict = Object.fromEntries(
        reports.map((report) => [
          report.action_type,
          report.checks
            .filter((check) => !check.ok)
            .map((check) => `${check.name}: ${check.problem}`),
        ]),
      );
      expect(verdict.behaves).toEqual([]);
      expect(verdict.accepts_anything).toEqual([
        'missing required field user_id: accepted an invalid payload with 200; it must answer 4xx',
        'missing required field quantity: accepted an invalid payload with 200; it must answer 4xx',
        'user_id of the wrong type (number 12345): accepted an invalid payload with 200; it must answer 4xx',
        'quantity of the wrong type (string "not-a-number"): accepted an invalid payload with 200; it must answer 4xx',
        // Lax at the edge too: a quantity below its minimum is taken.
        'quantity 0, below its minimum 1: accepted an invalid payload with 200; it must answer 4xx',
      ]);
      // Checks types but takes any integer (−5 too) for a positive quantity: only the edge shows it.
      expect(verdict.lax_bounds).toEqual([
        'quantity 0, below its minimum 1: accepted an invalid payload with 200; it must answer 4xx',
      ]);
      expect(verdict.answers_html?.[0]).toBe(
        'valid payload (required fields): answered 200 with a body that is not JSON: <html><body>OK</body></html>',
      );
      // Every check of an action that never answers times out, edges included.
      const hangs = reports.find((report) => report.action_type === 'hangs');
      expect(verdict.hangs).toHaveLength(hangs?.checks.length ?? -1);
      expect(verdict.hangs?.[0]).toBe(
        'valid payload (required fields): timed out: Plugin did not answer within 300 ms',
      );
      expect(verdict.crashes_on_valid).toEqual([
        'valid payload (required fields): answered 500: {"error":"boom"}',
        'quantity 1, its minimum: answered 500: {"error":"boom"}',
      ]);
      expect(reports.map((report) => report.ok)).toEqual([true, false, false, false, false, false]);
      const caught = Object.values(verdict).filter((problems) => problems.length > 0).length;
      console.log(`validator: broken plugin, ${caught} of 5 injected violations caught`);
    } finally {
      await plugin.close();
    }
  });

  it('[VALIDATOR][ADDRESSES]: an address outside the allow-list is never contacted', async () => {
    const plugin = await startBrokenPlugin();
    const strictHttp = createPluginHttpClient({ addressPolicy: parseAddressAllowList('') });
    const strict = createEndpointCaller(strictHttp, []);
    try {
      const [report] = await validateActions(
        strict,
        plugin.url,
        brokenPluginActions.slice(0, 1),
        1000,
      );
      expect(report?.checks[0]?.problem).toMatch(/no answer: .*127\.0\.0\.1 is not allowed/);
    } finally {
      await strictHttp.close();
      await plugin.close();
    }
  });

  it('[VALIDATOR][FIXTURES]: redeem_points passes with its example in either order; without it, order decides', async () => {
    /** Validates a fresh loyalty plugin (no balances yet) with the actions in the given order. */
    const validate = async (
      order: 'award first' | 'redeem first',
      examples: 'with' | 'without',
    ) => {
      const loyalty = createLoyaltyPlugin();
      const plugin = await listen(loyalty, { signingSecrets: [SECRET] });
      try {
        let actions: ActionRegistration[] = registrationPayload(loyalty).actions;
        if (examples === 'without') actions = actions.map(({ examples: _, ...rest }) => rest);
        if (order === 'redeem first') actions = actions.toReversed();
        const reports = await validateActions(signed, plugin.url, actions, 5000);
        return Object.fromEntries(reports.map((report) => [report.action_type, report]));
      } finally {
        await plugin.close();
      }
    };

    for (const order of ['award first', 'redeem first'] as const) {
      const { redeem_points: redeem } = await validate(order, 'with');
      expect(
        redeem?.checks.filter((check) => !check.ok),
        order,
      ).toEqual([]);
      // The example runs first, its setup before it, and the report says what each call answered.
      expect(describeValidationCheck(redeem?.checks[0] as ValidationCheck)).toBe(
        'example "first redemption": setup award_points → 200, redeem_points → 200',
      );
    }
    const awardFirst = await validate('award first', 'without');
    expect(awardFirst.redeem_points?.ok).toBe(true);
    const redeemFirst = await validate('redeem first', 'without');
    expect(redeemFirst.redeem_points?.checks[0]).toMatchObject({
      name: 'valid payload (required fields)',
      ok: false,
      status: 422,
      problem: expect.stringContaining('has 0 points; cannot redeem 1'),
    });
  });

  it('[VALIDATOR][FIXTURES]: a failing setup event fails its example, naming the call; the payload is not sent', async () => {
    const loyalty = createLoyaltyPlugin();
    const plugin = await listen(loyalty, { signingSecrets: [SECRET] });
    try {
      const [award, redeem] = registrationPayload(loyalty).actions as [
        ActionRegistration,
        ActionRegistration,
      ];
      // Award points at an endpoint the plugin does not serve: the fixture cannot be set up.
      const moved = { ...award, endpoint: '/actions/award-points-v0' };
      const [report] = await validateActions(signed, plugin.url, [redeem, moved], 5000);
      const example = report?.checks[0] as ValidationCheck;
      expect(example).toMatchObject({
        ok: false,
        status: 404,
        problem: expect.stringMatching(/^setup award_points answered 404: /),
      });
      expect(describeValidationCheck(example)).toBe(
        'example "first redemption": setup award_points → 404',
      );
    } finally {
      await plugin.close();
    }
  });
});
