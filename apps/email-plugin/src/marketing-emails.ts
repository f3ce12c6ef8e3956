import { z } from 'zod';
import { emailAction, recipient } from './email-action';
import type { Outbox } from './outbox';

const id = () => z.string().min(1);

/** Emails that bring customers back: reviews, restocks, birthdays, win-back, the newsletter. */
export function marketingEmails(outbox: Outbox) {
  return {
    send_review_request: emailAction(outbox, {
      title: 'Send Review Request Email',
      description: 'Asks a customer to review the products of a delivered order',
      input: z.object({
        user_id: id(),
        order_id: id(),
        product_ids: z.array(id()).min(1).max(20),
        email: z.email().optional(),
      }),
      compose: (input) => ({
        to: recipient(input),
        subject: 'How did we do?',
        text: `Tell us what you think of ${input.product_ids.join(', ')} from order ${input.order_id}.`,
      }),
    }),
    send_back_in_stock: emailAction(outbox, {
      title: 'Send Back in Stock Email',
      description: 'Tells a waiting customer that a product is available again',
      input: z.object({
        user_id: id(),
        email: z.email(),
        product_id: id(),
        product_name: z.string().optional(),
      }),
      compose: (input) => ({
        to: input.email,
        subject: `${input.product_name ?? input.product_id} is back in stock`,
        text: `Good news: ${input.product_name ?? `product ${input.product_id}`} is available again.`,
      }),
    }),
    send_birthday_email: emailAction(outbox, {
      title: 'Send Birthday Email',
      description: 'Wishes a customer a happy birthday, with a gift coupon',
      input: z.object({
        user_id: id(),
        email: z.email(),
        first_name: z.string().optional(),
        coupon_code: z.string().optional(),
      }),
      compose: (input) => ({
        to: input.email,
        subject: `Happy birthday${input.first_name ? `, ${input.first_name}` : ''}!`,
        text: `Have a wonderful day.${input.coupon_code ? ` Your gift: ${input.coupon_code}.` : ''}`,
      }),
    }),
    send_win_back_email: emailAction(outbox, {
      title: 'Send Win-Back Email',
      description: 'Invites a customer who has not ordered in a while to come back',
      input: z.object({
        user_id: id(),
        email: z.email(),
        days_inactive: z.number().int().min(1),
        discount_percent: z.number().int().min(1).max(90).optional(),
      }),
      compose: (input) => ({
        to: input.email,
        subject: 'We miss you',
        text: `It has been ${input.days_inactive} days.${input.discount_percent ? ` Come back for ${input.discount_percent}% off.` : ''}`,
      }),
    }),
    send_newsletter: emailAction(outbox, {
      title: 'Send Newsletter',
      description: 'Sends one issue of the newsletter to a subscriber',
      input: z.object({
        email: z.email(),
        subject: z.string().min(1).max(200),
        issue_number: z.number().int().min(1),
        unsubscribe_url: z.url({ protocol: /^https?$/ }).optional(),
      }),
      compose: (input) => ({
        to: input.email,
        subject: input.subject,
        text: `Issue #${input.issue_number}.${input.unsubscribe_url ? ` Unsubscribe: ${input.unsubscribe_url}` : ''}`,
      }),
    }),
  };
}
