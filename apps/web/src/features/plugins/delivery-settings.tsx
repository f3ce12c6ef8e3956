import { type PluginDelivery, parseRetrySchedule } from '@registry/contracts';
import { Fact } from '@/components/fact-list';

const serverDefault = <span className="text-muted-foreground">server default</span>;

/** How the queue delivers to the plugin; a setting it left out is the server's. */
export function DeliverySettings({ delivery }: { delivery: PluginDelivery }) {
  const schedule = delivery.retry_schedule;
  const delays = schedule ? parseRetrySchedule(schedule) : undefined;
  return (
    <>
      <Fact term="Retry schedule">
        {schedule ? (
          <span className="flex flex-wrap items-baseline gap-x-2">
            <code className="break-all font-mono text-xs">{schedule}</code>
            {Array.isArray(delays) && (
              <span className="text-muted-foreground text-xs">
                {delays.length} attempt{delays.length === 1 ? '' : 's'}
              </span>
            )}
          </span>
        ) : (
          serverDefault
        )}
      </Fact>
      <Fact term="Max in flight">{delivery.max_in_flight ?? serverDefault}</Fact>
      <Fact term="Max per second">
        {delivery.max_per_second ?? <span className="text-muted-foreground">unlimited</span>}
      </Fact>
    </>
  );
}
