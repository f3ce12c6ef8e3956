import { describeValidationCheck, type PluginValidationReport } from '@registry/contracts';
import { CircleCheck, CircleX } from 'lucide-react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { formatMs } from '@/lib/format-ms';

/**
 * What `plugins.validate` found: per action, the checks that passed, each declared example with
 * what its calls answered, and why each other check failed (the same report
 * `pnpm registry validate-plugin` prints).
 */
export function ValidationReport({ report }: { report: PluginValidationReport }) {
  const failed = report.actions.filter((action) => !action.ok).length;
  const title = report.problem
    ? `Nothing could be validated: ${report.problem}`
    : report.ok
      ? `All ${report.actions.length} actions passed validation`
      : `${failed} of ${report.actions.length} actions failed validation`;
  return (
    <Alert variant={report.ok ? 'success' : 'destructive'} data-testid="validation-report">
      <AlertTitle>
        {report.ok ? <CircleCheck aria-hidden /> : <CircleX aria-hidden />}
        {title}
      </AlertTitle>
      <ul className="mt-2 flex flex-col gap-1.5 pl-6 text-sm">
        {report.actions.map((action) => {
          const passed = action.checks.filter((check) => check.ok).length;
          return (
            <li key={action.action_type}>
              <span className="font-mono">{action.action_type}</span>: {passed}/
              {action.checks.length} checks passed, max {formatMs(action.latency.max_ms)}
              {action.checks.some((check) => check.steps || !check.ok) && (
                <ul className="mt-0.5 list-disc pl-5 text-xs">
                  {action.checks
                    .filter((check) => check.steps || !check.ok)
                    .map((check) => (
                      <li key={check.name} className="break-words">
                        {describeValidationCheck(check)}
                        {check.ok ? ' ✓' : ` (expected ${check.expected}): ${check.problem}`}
                      </li>
                    ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
