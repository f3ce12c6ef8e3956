import { ActionError, action, definePlugin } from '@registry/plugin-sdk';
import { z } from 'zod';

export const plugin = definePlugin({
  slug: '__SLUG__',
  actions: {
    // The key is the action_type events name; the registry calls POST /actions/say-hello.
    say_hello: action({
      title: 'Say Hello',
      description: 'Greets someone by name',
      category: 'demo',
      input: z.object({ name: z.string().min(1).max(100) }),
      output: z.object({ success: z.boolean(), message: z.string() }),
      handler: ({ name }) => {
        if (name === 'nobody') throw new ActionError('There is nobody to greet', 422);
        return { success: true, message: `Hello, ${name}!` };
      },
    }),
  },
});
