/** Who a request acts as. The tenant always comes from here, never from a body or query. */
export type Principal =
  | {
      kind: 'admin';
      tenantId: string;
      /** `local`: protected local mode, a request from this machine with no credential. */
      via: 'token' | 'session' | 'local';
      tokenId?: string;
    }
  | { kind: 'plugin'; tenantId: string; pluginId: string; pluginSlug: string };

/**
 * Who may call an operation. `admin`: the tenant's administrators. `catalog`: administrators and
 * plugins, to read the catalog. `plugin-self`: administrators, or the plugin the operation names.
 */
export type Access = 'admin' | 'catalog' | 'plugin-self';
