import type { PluginRecord } from '../plugins/store';
import type { ActionRoute } from '../routing/route-action';

/** Where one event goes, decided before anything is called. */
export type DispatchTarget = ActionRoute<PluginRecord>;

export type DeliverableTarget = Exclude<DispatchTarget, { kind: 'unroutable' }>;
