import { action, definePlugin } from '@registry/plugin-sdk';
import { z } from 'zod';
import { ActivityLog } from './activity-log';

export const SMS_PLUGIN_SLUG = 'sms-notifications';

/** A text message the plugin "sent". */
export interface SentText {
  to: string;
  text: string;
  /** GSM-7 segments the carrier bills: 160 characters alone, 153 each when split. */
  segments: number;
}

const phone = () => z.e164().describe('The recipient, in E.164 form, e.g. +15550100');
const OPT_OUT = 'Reply STOP to opt out.';

/**
 * The seed's `sms-notifications` plugin: its two text messages, with the seed's fields and
 * endpoints, "sent" into an outbox (`GET /outbox`).
 */
export function createSmsPlugin(outbox = new ActivityLog<SentText>(), slug = SMS_PLUGIN_SLUG) {
  const send = (to: string, lines: (string | false | undefined)[]) => {
    const text = [...lines, OPT_OUT].filter(Boolean).join(' ');
    return { to, text, segments: text.length <= 160 ? 1 : Math.ceil(text.length / 153) };
  };
  const answer = ({ entry, duplicate }: ReturnType<typeof outbox.record>) => ({
    success: true,
    message_id: entry.id,
    to: entry.to,
    segments: entry.segments,
    duplicate,
  });
  return definePlugin({
    slug,
    actions: {
      send_abandoned_cart_sms: action({
        title: 'Send Abandoned Cart SMS',
        description: 'Texts a reminder about items left in the cart',
        category: 'sms',
        supports_dry_run: true,
        input: z.object({
          phone: phone(),
          cart_id: z.string().min(1),
          discount_code: z.string().optional(),
        }),
        handler: ({ phone: to, cart_id, discount_code }, context) =>
          answer(
            outbox.record(
              send(to, [
                `You left something in your cart (${cart_id}).`,
                discount_code && `Use ${discount_code} at checkout.`,
              ]),
              context,
            ),
          ),
      }),
      send_order_shipped_sms: action({
        title: 'Send Order Shipped SMS',
        description: 'Texts the tracking number when an order ships',
        category: 'sms',
        supports_dry_run: true,
        input: z.object({
          phone: phone(),
          order_id: z.string().min(1),
          tracking_number: z.string().optional(),
        }),
        handler: ({ phone: to, order_id, tracking_number }, context) =>
          answer(
            outbox.record(
              send(to, [
                `Your order ${order_id} has shipped.`,
                tracking_number && `Tracking number: ${tracking_number}.`,
              ]),
              context,
            ),
          ),
      }),
    },
    pages: {
      '/outbox': () => ({ json: { count: outbox.list().length, messages: outbox.list() } }),
    },
  });
}
