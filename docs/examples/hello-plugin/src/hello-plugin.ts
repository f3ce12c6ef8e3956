import { ActionError, action, definePlugin } from '@registry/plugin-sdk';
import { z } from 'zod';

const GREETINGS = { en: 'Hello', fr: 'Bonjour', de: 'Hallo' } as const;

export const helloPlugin = definePlugin({
  slug: 'hello',
  actions: {
    send_greeting: action({
      title: 'Send Greeting',
      description: 'Greets a customer by name, in their language',
      category: 'demo',
      input: z.object({
        name: z.string().min(1),
        language: z.enum(['en', 'fr', 'de']).default('en'),
        times: z.number().int().min(1).max(3).optional(),
      }),
      handler: ({ name, language, times = 1 }, { webhookId }) => {
        if (name === 'nobody') throw new ActionError('There is nobody to greet', 422);
        const greeting = `${GREETINGS[language]}, ${name}!`;
        return { success: true, greeting: Array(times).fill(greeting).join(' '), webhookId };
      },
    }),
  },
});
