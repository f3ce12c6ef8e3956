import type { PluginValidationReport } from '@registry/contracts';
import { describe, expect, it } from 'vitest';
import { formatReport } from './print-report';

const refusedReport: PluginValidationReport = {
  plugin_slug: 'slack-alerts',
  api_endpoint: 'http://127.0.0.1:5180/slack-alerts',
  ok: false,
  actions: [
    {
      action_type: 'send_slack_alert',
      url: 'http://127.0.0.1:5180/slack-alerts/actions/send-slack-alert',
      ok: false,
      latency: { avg_ms: 1, max_ms: 1 },
      checks: [
        {
          name: 'required fields only',
          expected: '2xx JSON',
          ok: false,
          status: 401,
          latency_ms: 1,
          problem: 'answered 401: Missing webhook-signature header',
        },
      ],
    },
  ],
};

describe('validate-plugin report', () => {
  it('[CLI][VALIDATE]: a 401 says whose signature the plugin refused', () => {
    const viaRegistry = formatReport(refusedReport, 'registry');
    expect(viaRegistry).toContain("refused the registry's signature (401)");
    expect(viaRegistry.split('\n').at(-1)).toBe('1 of 1 actions failed.');
    expect(formatReport(refusedReport, 'your secret')).toContain(
      'signed with the secret you passed',
    );
  });

  it('[CLI][VALIDATE]: each example is listed with what its calls answered, passed or not', () => {
    const step = (role: 'setup' | 'example', action_type: string, status: number) => ({
      role,
      action_type,
      status,
      latency_ms: 2,
    });
    const report: PluginValidationReport = {
      plugin_slug: 'loyalty-points',
      api_endpoint: 'http://127.0.0.1:5180/loyalty-points',
      ok: false,
      actions: [
        {
          action_type: 'redeem_points',
          url: 'http://127.0.0.1:5180/loyalty-points/actions/redeem-points',
          ok: false,
          latency: { avg_ms: 2, max_ms: 2 },
          checks: [
            {
              name: 'example "first redemption"',
              expected: '2xx JSON',
              ok: true,
              status: 200,
              latency_ms: 4,
              steps: [step('setup', 'award_points', 200), step('example', 'redeem_points', 200)],
            },
            {
              name: 'example 2',
              expected: '2xx JSON',
              ok: false,
              status: 500,
              latency_ms: 2,
              problem: 'setup award_points answered 500: {"error":"boom"}',
              steps: [step('setup', 'award_points', 500)],
            },
            {
              name: 'valid payload (required fields)',
              expected: '2xx JSON',
              ok: true,
              status: 200,
              latency_ms: 2,
            },
          ],
        },
      ],
    };
    expect(formatReport(report).split('\n').slice(1, 4)).toEqual([
      '  ✗ redeem_points: 2/3 checks passed, latency avg 2 ms, max 2 ms',
      '      ✓ example "first redemption": setup award_points → 200, redeem_points → 200',
      '      ✗ example 2: setup award_points → 500 (expected 2xx JSON): setup award_points answered 500: {"error":"boom"}',
    ]);
  });
});
