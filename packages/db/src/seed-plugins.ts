/** The four plugins every fresh database starts with; the seed document's examples use them. */
export const EMAIL_AUTOMATION_PLUGIN_ID = '87312788-df51-4002-8eca-9cfc3e3f7d8e';

export interface SeedPlugin {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'inactive';
  /** Path below the sample plugin server's URL that this plugin's calls go to. */
  samplePath: string;
  events: string[];
  actions: Array<{ action_type: string } & Record<string, unknown>>;
}

export const SEED_PLUGINS: readonly SeedPlugin[] = [
  {
    id: EMAIL_AUTOMATION_PLUGIN_ID,
    slug: 'email-automation',
    name: 'Email Automation Plugin',
    status: 'active',
    samplePath: '',
    events: ['customer.created', 'cart.abandoned'],
    actions: [
      {
        action_type: 'send_welcome_email',
        title: 'Send Welcome Email',
        description: 'Sends personalized welcome email to new customers',
        category: 'email',
        required_fields: ['user_id', 'email'],
        optional_fields: ['first_name', 'template_id'],
        endpoint: '/actions/send-welcome-email',
      },
      {
        action_type: 'send_abandoned_cart_email',
        title: 'Send Abandoned Cart Email',
        category: 'email',
        required_fields: ['user_id', 'cart_id'],
        optional_fields: ['discount_code'],
        endpoint: '/actions/send-abandoned-cart-email',
      },
    ],
  },
  {
    id: '5b0f3f8e-6d0c-4a55-9d6e-2f1f0c7a1b21',
    slug: 'sms-notifications',
    name: 'SMS Notifications',
    status: 'active',
    samplePath: '/sms-notifications',
    events: ['order.shipped', 'cart.abandoned'],
    actions: [
      {
        action_type: 'send_abandoned_cart_sms',
        title: 'Send Abandoned Cart SMS',
        description: 'Texts a reminder about items left in the cart',
        category: 'sms',
        required_fields: ['phone', 'cart_id'],
        optional_fields: ['discount_code'],
        endpoint: '/actions/send-abandoned-cart-sms',
      },
      {
        action_type: 'send_order_shipped_sms',
        title: 'Send Order Shipped SMS',
        description: 'Texts the tracking number when an order ships',
        category: 'sms',
        required_fields: ['phone', 'order_id'],
        optional_fields: ['tracking_number'],
        endpoint: '/actions/send-order-shipped-sms',
      },
    ],
  },
  {
    id: 'c3d2e1f0-9a8b-4c7d-8e6f-5a4b3c2d1e0f',
    slug: 'slack-alerts',
    name: 'Slack Alerts',
    status: 'active',
    samplePath: '/slack-alerts',
    events: ['order.created'],
    actions: [
      {
        action_type: 'create_slack_notification',
        title: 'Create Slack Notification',
        description: 'Posts a message to a Slack channel',
        category: 'notifications',
        required_fields: ['channel', 'message'],
        optional_fields: ['mention'],
        endpoint: '/actions/create-slack-notification',
      },
    ],
  },
  {
    id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
    slug: 'analytics-tracker',
    name: 'Analytics Tracker',
    status: 'inactive',
    samplePath: '/analytics-tracker',
    events: [],
    actions: [
      {
        action_type: 'track_event',
        title: 'Track Event',
        description: 'Records a custom analytics event',
        category: 'analytics',
        required_fields: ['event_name'],
        optional_fields: ['user_id', 'properties'],
        endpoint: '/actions/track-event',
      },
    ],
  },
];
