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
});
