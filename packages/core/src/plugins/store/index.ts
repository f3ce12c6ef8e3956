export { loadPluginRecords, type PluginRecord } from './plugin-records';
