import type { DiscoveredAction } from '@registry/contracts';
import { JsonBlock } from '@/components/json-block';
import { TitledSection } from '@/components/titled-section';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

/** What a successful call answers: the registered output schema and example, when there are. */
export function ActionOutputCard({ action }: { action: DiscoveredAction }) {
  if (!action.output_schema && action.output_example === undefined) return null;
  return (
    <Card aria-labelledby="output-title">
      <CardHeader>
        <CardTitle id="output-title">Output</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <p className="text-muted-foreground text-sm">
          Answers that do not fit the schema still succeed, and are marked as an output mismatch in
          the history.
        </p>
        {action.output_schema && (
          <TitledSection id="output-schema" title="Output schema">
            <JsonBlock value={action.output_schema} />
          </TitledSection>
        )}
        {action.output_example !== undefined && (
          <TitledSection id="output-example" title="Example answer">
            <JsonBlock value={action.output_example} />
          </TitledSection>
        )}
      </CardContent>
    </Card>
  );
}
