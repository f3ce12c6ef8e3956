/** The tenant every seed example uses; the only tenant until credentials carry one. */
export const DEFAULT_TENANT_ID = '11111111-1111-1111-1111-111111111111';
