import type { RegistrationRevision } from '@registry/contracts';
import { TimeAgo } from '@/components/time-ago';
import { Badge } from '@/components/ui/badge';
import { credentialLabel } from './credential-label';

/** The plugin's revisions, newest first: when, by whom, and how much each one changed. */
export function RegistrationRevisionList({ revisions }: { revisions: RegistrationRevision[] }) {
  return (
    <ol aria-label="Revisions" className="flex flex-col divide-y rounded-lg border">
      {revisions.map(({ revision, registered_at, credential, breaking, diff }) => (
        <li
          key={revision}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
        >
          <span className="font-medium tabular-nums">Revision {revision}</span>
          {breaking && <Badge variant="destructive">breaking</Badge>}
          <span className="text-muted-foreground text-xs tabular-nums">
            {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed
          </span>
          <span className="ml-auto flex flex-wrap gap-x-3 text-muted-foreground text-xs">
            <span>by {credentialLabel(credential)}</span>
            <TimeAgo iso={registered_at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
