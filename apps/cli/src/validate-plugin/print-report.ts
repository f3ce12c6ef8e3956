import { describeValidationCheck, type PluginValidationReport } from '@registry/contracts';

/**
 * The report as lines a person reads: one per action, and under it one per example it declared
 * (with what each call answered) and one per other check that failed.
 */
export function formatReport(
  report: PluginValidationReport,
  signedBy: 'registry' | 'your secret' = 'registry',
): string {
  const lines = [`Validating plugin ${report.plugin_slug} at ${report.api_endpoint ?? '(none)'}`];
  if (report.problem) lines.push(`  ✗ ${report.problem}`);
  for (const action of report.actions) {
    const passed = action.checks.filter((check) => check.ok).length;
    const mark = action.ok ? '✓' : '✗';
    lines.push(
      `  ${mark} ${action.action_type}: ${passed}/${action.checks.length} checks passed, latency avg ${action.latency.avg_ms} ms, max ${action.latency.max_ms} ms`,
    );
    for (const check of action.checks.filter((candidate) => candidate.steps || !candidate.ok)) {
      const named = describeValidationCheck(check);
      lines.push(
        check.ok
          ? `      ✓ ${named}`
          : `      ✗ ${named} (expected ${check.expected}): ${check.problem}`,
      );
    }
  }
  const failed = report.actions.filter((action) => !action.ok).length;
  const refused = report.actions.some((action) =>
    action.checks.some((check) => check.status === 401),
  );
  if (refused) {
    lines.push(
      signedBy === 'registry'
        ? "Hint: the plugin refused the registry's signature (401): its server does not hold the plugin's current signing secret; after a rotation, give it the new one."
        : "Hint: the plugin refused calls signed with the secret you passed (401): is it the plugin's current signing secret?",
    );
  }
  if (report.problem) lines.push('Nothing could be validated.');
  else if (report.ok) lines.push(`All ${report.actions.length} actions passed.`);
  else lines.push(`${failed} of ${report.actions.length} actions failed.`);
  return lines.join('\n');
}
