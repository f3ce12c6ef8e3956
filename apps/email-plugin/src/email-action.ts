import { type ActionSpec, action } from '@registry/plugin-sdk';
import type { z } from 'zod';
import type { ComposedEmail, Outbox } from './outbox';

export interface EmailActionSpec<Input extends z.ZodObject> {
  title: string;
  description: string;
  input: Input;
  compose(input: z.output<Input>): ComposedEmail;
}

/** An action that composes one email from its payload and puts it in the outbox. */
export function emailAction<Input extends z.ZodObject>(
  outbox: Outbox,
  spec: EmailActionSpec<Input>,
): ActionSpec<Input> {
  return action({
    title: spec.title,
    description: spec.description,
    category: 'email',
    supports_dry_run: true,
    input: spec.input,
    handler(input, context) {
      const { email, duplicate } = outbox.send(spec.compose(input), context);
      const dryRun = context.dryRun ? { dry_run: true, subject: email.subject } : {};
      return { success: true, message_id: email.id, to: email.to, duplicate, ...dryRun };
    },
  });
}

/** Where an email goes when the payload names only the customer: the platform resolves it. */
export function recipient(input: { email?: string | undefined; user_id: string }): string {
  return input.email ?? `customer ${input.user_id}`;
}
