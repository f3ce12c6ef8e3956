import { whenPresent } from '@registry/contracts';
import type { Prisma } from '@registry/db';
import { z } from 'zod';
import { CREATES } from './action-hints';
import { email, shortText } from './fields';
import { definePlatformAction, type PlatformContext } from './platform-action';

interface OutboxMessage {
  channel: 'email' | 'sms' | 'in_app';
  recipient: string | null;
  subject?: string;
  body: string;
  metadata?: Prisma.InputJsonObject;
}

/** Messages go to the platform's outbox, from which its senders deliver them. */
async function queueMessage({ db, tenantId }: PlatformContext, message: OutboxMessage) {
  const row = await db.notification.create({ data: { ...message, tenantId } });
  return {
    notification_id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    created_at: row.createdAt.toISOString(),
  };
}

export const sendEmail = definePlatformAction({
  action_type: 'send_email',
  title: 'Send Email',
  description: 'Queues an email in the platform outbox.',
  category: 'communication',
  hints: CREATES,
  input: z.strictObject({
    to: email,
    subject: shortText(300),
    body: z.string().min(1, 'must not be empty').max(100_000),
    reply_to: email.optional(),
  }),
  run: (ctx, input) =>
    queueMessage(ctx, {
      channel: 'email',
      recipient: input.to,
      subject: input.subject,
      body: input.body,
      metadata: input.reply_to ? { reply_to: input.reply_to } : {},
    }),
});

export const sendSms = definePlatformAction({
  action_type: 'send_sms',
  title: 'Send SMS',
  description: 'Queues a text message in the platform outbox.',
  category: 'communication',
  hints: CREATES,
  input: z.strictObject({
    to: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number'),
    message: z.string().min(1, 'must not be empty').max(1600),
  }),
  run: (ctx, input) =>
    queueMessage(ctx, { channel: 'sms', recipient: input.to, body: input.message }),
});

export const createNotification = definePlatformAction({
  action_type: 'create_notification',
  title: 'Create Notification',
  description: 'Posts an in-app notification, optionally for one customer or user.',
  category: 'communication',
  hints: CREATES,
  input: z.strictObject({
    title: shortText(200),
    message: z.string().min(1, 'must not be empty').max(5000),
    customer_id: z.guid(whenPresent('must be a UUID')).optional(),
    user_id: shortText(200).optional(),
    type: z.enum(['info', 'success', 'warning', 'error']).default('info'),
  }),
  run: (ctx, input) =>
    queueMessage(ctx, {
      channel: 'in_app',
      recipient: input.customer_id ?? input.user_id ?? null,
      subject: input.title,
      body: input.message,
      metadata: { type: input.type },
    }),
});
