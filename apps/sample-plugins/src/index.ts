export { ActivityLog, type Logged } from './activity-log';
export {
  ANALYTICS_PLUGIN_SLUG,
  createAnalyticsPlugin,
  type TrackedEvent,
} from './analytics-plugin';
export { createLoyaltyPlugin, LOYALTY_PLUGIN_SLUG } from './loyalty-plugin';
export { createSlackPlugin, type PostedMessage, SLACK_PLUGIN_SLUG } from './slack-plugin';
export { createSmsPlugin, type SentText, SMS_PLUGIN_SLUG } from './sms-plugin';
