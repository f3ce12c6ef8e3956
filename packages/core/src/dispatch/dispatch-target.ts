import type { PluginDelivery } from '@registry/contracts';
import type { DeliveryState } from '../delivery/plugin-delivery-state';
import type { ActionRoute } from '../routing/route-action';

export interface PluginRecord {
  id: string;
  slug: string;
  name: string;
  status: string;
  api_endpoint: string | null;
  registered_actions: unknown;
  /** Signing secrets: the current one, and the previous one during a rotation's grace period. */
  secrets: string[];
  /** The plugin's own delivery settings (retry schedule, limits). */
  delivery: PluginDelivery;
  /** Its circuit breaker and failure streak, shared by every process. */
  delivery_state: DeliveryState;
}

/** Where one event goes, decided before anything is called. */
export type DispatchTarget = ActionRoute<PluginRecord>;

export type DeliverableTarget = Exclude<DispatchTarget, { kind: 'unroutable' }>;
