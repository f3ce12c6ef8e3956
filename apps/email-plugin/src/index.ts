export {
  createEmailPlugin,
  EMAIL_PLUGIN_SLUG,
  type RunningEmailPlugin,
  startEmailPlugin,
} from './email-plugin';
export type { SentEmail } from './outbox';
