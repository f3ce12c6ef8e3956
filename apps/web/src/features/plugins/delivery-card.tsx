import type { Plugin } from '@registry/contracts';
import { Fact, FactList } from '@/components/fact-list';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { BacklogSummary } from './backlog-summary';
import { CircuitState } from './circuit-state';
import { DeliverySettings } from './delivery-settings';
import { RecoverEventsForm } from './recover-events-form';

/** Where the plugin's events stand, how the queue delivers to it, and its recovery. */
export function DeliveryCard({ plugin }: { plugin: Plugin }) {
  return (
    <Card aria-labelledby="plugin-delivery">
      <CardHeader>
        <CardTitle id="plugin-delivery">Delivery</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <FactList>
          <Fact term="Backlog">
            <BacklogSummary backlog={plugin.backlog} pluginId={plugin.id} />
          </Fact>
          <Fact term="Circuit breaker">
            {plugin.circuit ? (
              <CircuitState circuit={plugin.circuit} />
            ) : (
              <span className="text-muted-foreground">not called yet</span>
            )}
          </Fact>
          <DeliverySettings delivery={plugin.delivery} />
        </FactList>
        <RecoverEventsForm plugin={plugin} />
      </CardContent>
    </Card>
  );
}
