import type { PluginValidationReport } from './validate-plugin';

/** The report as lines a person reads: one per action, and one per failed check under it. */
export function formatReport(report: PluginValidationReport, signed = true): string {
  const lines = [`Validating plugin ${report.plugin_slug} at ${report.api_endpoint ?? '(none)'}`];
  if (report.problem) lines.push(`  ✗ ${report.problem}`);
  for (const action of report.actions) {
    const passed = action.checks.filter((check) => check.ok).length;
    const mark = action.ok ? '✓' : '✗';
    lines.push(
      `  ${mark} ${action.action_type}: ${passed}/${action.checks.length} checks passed, latency avg ${action.latency.avg_ms} ms, max ${action.latency.max_ms} ms`,
    );
    for (const check of action.checks.filter((candidate) => !candidate.ok)) {
      lines.push(`      ✗ ${check.name} (expected ${check.expected}): ${check.problem}`);
    }
  }
  const failed = report.actions.filter((action) => !action.ok).length;
  const refusedUnsigned = report.actions.some((action) =>
    action.checks.some((check) => check.status === 401),
  );
  if (refusedUnsigned && !signed) {
    lines.push(
      'Hint: the plugin refused calls with 401. It verifies signatures: pass its signing secret',
      '  in PLUGIN_SIGNING_SECRET=whsec_… (or --secret). Its owner got it when the plugin was',
      `  created; POST /api/plugins/${report.plugin_slug}/rotate-secret issues a new one.`,
    );
  }
  if (report.problem) lines.push('Nothing could be validated.');
  else if (report.ok) lines.push(`All ${report.actions.length} actions passed.`);
  else lines.push(`${failed} of ${report.actions.length} actions failed.`);
  return lines.join('\n');
}
