import type { Plugin } from '@registry/contracts';
import { Fact, FactList } from '@/components/fact-list';
import { TimeAgo } from '@/components/time-ago';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { breakingPolicyLabel } from './breaking-policy-labels';
import { EndpointOwnership } from './endpoint-ownership';

/** Where the plugin is reached, what it registered and when. */
export function PluginFactsCard({ plugin }: { plugin: Plugin }) {
  return (
    <Card aria-labelledby="plugin-facts">
      <CardHeader>
        <CardTitle id="plugin-facts">Details</CardTitle>
      </CardHeader>
      <CardContent>
        <FactList>
          <Fact term="API endpoint">
            <span className="break-all font-mono text-xs">{plugin.api_endpoint ?? '—'}</span>
          </Fact>
          <Fact term="Endpoint ownership">
            <EndpointOwnership plugin={plugin} />
          </Fact>
          <Fact term="Webhook">
            <span className="break-all font-mono text-xs">{plugin.webhook_url ?? '—'}</span>
          </Fact>
          <Fact term="Events">{plugin.events.length > 0 ? plugin.events.join(', ') : '—'}</Fact>
          <Fact term="Actions">{plugin.actions_count}</Fact>
          <Fact term="Breaking registrations">{breakingPolicyLabel(plugin.breaking_policy)}</Fact>
          <Fact term="Last registration">
            <TimeAgo iso={plugin.registered_at} />
          </Fact>
          <Fact term="Created">
            <TimeAgo iso={plugin.created_at} />
          </Fact>
        </FactList>
      </CardContent>
    </Card>
  );
}
