/**
 * The one store of the `plugins` table: its reads, writes and row-to-DTO mapping. Two ways
 * in, each where it pays. Plain SQL on a SqlRunner for what runs per batch or per search:
 * dispatch's and delivery's plugin records (Prisma measured ~3x plain SQL's cost per row
 * read, see executions/store), discovery, and registration's one-statement replace. Prisma for
 * the admin reads and writes, once per request, where its typed select of a plugin with its
 * endpoint check and circuit, and its nested create with the signing secret, keep them short.
 */
export type { CatalogPluginAction } from './plugin-action-filters';
export { queryPluginActionRows } from './plugin-action-rows';
export { toPluginDto } from './plugin-dto';
export {
  findPluginByKeyHash,
  findPluginBySlug,
  findPluginCircuits,
  findPluginEndpoint,
  findPluginId,
  findPluginPage,
  findPluginSlug,
} from './plugin-reads';
export { loadPluginRecords, type PluginRecord } from './plugin-records';
// disableActivePlugin is imported from its file by plugin-delivery-state (see there).
export {
  findRegistrationRows,
  findRegistrationSets,
  type RegistrationRow,
} from './plugin-registration-rows';
export {
  findRegistrationHead,
  type RegistrationHead,
  storeRegistration,
} from './plugin-registration-writes';
export {
  deletePluginBySlug,
  insertPlugin,
  type PluginColumns,
  setPluginKeyHash,
  updatePlugin,
  updatePluginWhile,
} from './plugin-writes';
export {
  queryRankedPluginActionRows,
  type RankedPlace,
  type RankedPluginActionRow,
} from './ranked-plugin-action-rows';
