import { describe, expect, it } from 'vitest';
import { formatReport } from './print-report';
import type { PluginValidationReport } from './validate-plugin';

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
  it('[CLI][VALIDATE]: a plugin refusing unsigned calls gets a hint on passing its secret', () => {
    const unsigned = formatReport(refusedReport, false);
    expect(unsigned).toContain('PLUGIN_SIGNING_SECRET=whsec_');
    expect(unsigned).toContain('POST /api/plugins/slack-alerts/rotate-secret');
    expect(unsigned.split('\n').at(-1)).toBe('1 of 1 actions failed.');
  });

  it('[CLI][VALIDATE]: no hint when the calls were signed', () => {
    expect(formatReport(refusedReport, true)).not.toContain('--secret');
  });
});
