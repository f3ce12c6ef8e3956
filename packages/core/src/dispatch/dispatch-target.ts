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
}

/** Where one event goes, decided before anything is called. */
export type DispatchTarget = ActionRoute<PluginRecord>;
