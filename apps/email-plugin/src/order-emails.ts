import { z } from 'zod';
import { emailAction, recipient } from './email-action';
import type { Outbox } from './outbox';

const id = () => z.string().min(1);

/** Emails about a customer's account, cart and orders. */
export function orderEmails(outbox: Outbox) {
  return {
    send_welcome_email: emailAction(outbox, {
      title: 'Send Welcome Email',
      description: 'Sends personalized welcome email to new customers',
      input: z.object({
        user_id: id(),
        email: z.email(),
        first_name: z.string().optional(),
        template_id: z.string().optional(),
      }),
      compose: (input) => ({
        to: input.email,
        subject: `Welcome${input.first_name ? `, ${input.first_name}` : ''}!`,
        text: `Thanks for joining us. Your account ${input.user_id} is ready (template ${input.template_id ?? 'welcome_default'}).`,
      }),
    }),
    send_order_confirmation: emailAction(outbox, {
      title: 'Send Order Confirmation Email',
      description: 'Sends order confirmation with tracking details',
      input: z.object({
        user_id: id(),
        order_id: id(),
        email: z.email().optional(),
        include_tracking: z.boolean().optional(),
        custom_message: z.string().max(500).optional(),
      }),
      compose: (input) => ({
        to: recipient(input),
        subject: `Order ${input.order_id} confirmed`,
        text: [
          `We received your order ${input.order_id}.`,
          input.include_tracking ? 'We will email tracking details as soon as it ships.' : '',
          input.custom_message ?? '',
        ]
          .filter(Boolean)
          .join(' '),
      }),
    }),
    send_abandoned_cart_email: emailAction(outbox, {
      title: 'Send Abandoned Cart Email',
      description: 'Reminds a customer of the items left in their cart',
      input: z.object({
        user_id: id(),
        cart_id: id(),
        email: z.email().optional(),
        discount_code: z.string().optional(),
      }),
      compose: (input) => ({
        to: recipient(input),
        subject: 'You left something in your cart',
        text: `Your cart ${input.cart_id} is waiting.${input.discount_code ? ` Use ${input.discount_code} at checkout.` : ''}`,
      }),
    }),
    send_shipping_update: emailAction(outbox, {
      title: 'Send Shipping Update Email',
      description: 'Tells a customer their order shipped, with the tracking number',
      input: z.object({
        user_id: id(),
        order_id: id(),
        tracking_number: id(),
        email: z.email().optional(),
        carrier: z.enum(['ups', 'fedex', 'dhl', 'usps', 'other']).default('other'),
        estimated_delivery: z.iso.date().optional(),
      }),
      compose: (input) => ({
        to: recipient(input),
        subject: `Order ${input.order_id} has shipped`,
        text: `Tracking number ${input.tracking_number} (${input.carrier}).${input.estimated_delivery ? ` Expected ${input.estimated_delivery}.` : ''}`,
      }),
    }),
    send_password_reset: emailAction(outbox, {
      title: 'Send Password Reset Email',
      description: 'Sends a link that lets a customer choose a new password',
      input: z.object({
        user_id: id(),
        email: z.email(),
        reset_url: z.url({ protocol: /^https?$/ }),
        expires_in_minutes: z.number().int().min(5).max(1440).default(60),
      }),
      compose: (input) => ({
        to: input.email,
        subject: 'Reset your password',
        text: `Choose a new password at ${input.reset_url} within ${input.expires_in_minutes} minutes.`,
      }),
    }),
  };
}
