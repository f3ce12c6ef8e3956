/**
 * The one store of the `plugins` table: its reads, writes and row-to-DTO mapping. Two access
 * paths, each where it pays: the per-batch read of dispatch and delivery is plain SQL (it runs
 * for every batch; a Prisma read of one row measured 3x the cost), while the admin reads and
 * writes use Prisma, whose typed select of a plugin with its endpoint check and circuit, and
 * nested create with its secret, keep them short (they run once per request).
 */
export {
  type CatalogPluginAction,
  type PluginActionPage,
  type PluginActionRow,
  queryPluginActionRows,
} from './plugin-action-rows';
export { circuitOf, type PluginRow, pluginSelect, toPluginDto } from './plugin-dto';
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
export {
  disableActivePlugin,
  replaceRegisteredActions,
} from './plugin-registration-writes';
export {
  deletePluginBySlug,
  insertPlugin,
  type PluginColumns,
  setPluginKeyHash,
  updatePlugin,
  updatePluginWhile,
} from './plugin-writes';
