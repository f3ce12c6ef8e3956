/** The history view's URL query keys: the list filters, and which tab is open. */
export const HISTORY_KEYS = [
  'status',
  'action_type',
  'plugin_id',
  'flow_execution_id',
  'from',
  'to',
  'view',
] as const;
export type HistoryKey = (typeof HISTORY_KEYS)[number];
