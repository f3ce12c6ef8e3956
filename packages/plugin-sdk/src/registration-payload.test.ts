import { ZRegisterActionsRequestSchema } from '@registry/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ActionExampleSpec, action, definePlugin } from './define-plugin';
import { registrationPayload } from './registration-payload';

const plugin = definePlugin({
  slug: 'mailer',
  actions: {
    send_welcome_email: action({
      title: 'Send Welcome Email',
      category: 'email',
      input: z.object({
        user_id: z.string(),
        email: z.email(),
        first_name: z.string().optional(),
        locale: z.enum(['en', 'de']).default('en'),
      }),
      handler: () => undefined,
    }),
    ping: action({
      title: 'Ping',
      endpoint: '/hooks/ping',
      timeout_ms: 2000,
      supports_dry_run: true,
      input: z.object({}),
      handler: () => undefined,
    }),
    find_order: action({
      title: 'Find Order',
      input: z.object({ order_id: z.string() }),
      output: z.object({ order_id: z.string(), total: z.number().default(0) }),
      output_example: { order_id: 'o_1', total: 12.5 },
      examples: [
        {
          name: 'a known order',
          payload: { order_id: 'o_1' },
          setup: [{ action_type: 'ping', payload: {} }],
        },
      ],
      read_only: true,
      idempotent: true,
      handler: ({ order_id }) => ({ order_id, total: 12.5 }),
    }),
  },
});

describe('registrationPayload', () => {
  it('[SDK][REGISTRATION]: fields and input_schema come from the zod input', () => {
    const [welcome, ping] = registrationPayload(plugin).actions;
    expect(welcome).toMatchObject({
      action_type: 'send_welcome_email',
      title: 'Send Welcome Email',
      category: 'email',
      required_fields: ['user_id', 'email'],
      // A field with a default is optional for whoever sends the payload.
      optional_fields: ['first_name', 'locale'],
      endpoint: '/actions/send-welcome-email',
      input_schema: {
        type: 'object',
        required: ['user_id', 'email'],
        properties: {
          user_id: { type: 'string' },
          email: { type: 'string', format: 'email' },
          locale: { type: 'string', enum: ['en', 'de'], default: 'en' },
        },
      },
    });
    expect(ping).toMatchObject({
      endpoint: '/hooks/ping',
      timeout_ms: 2000,
      supports_dry_run: true,
      required_fields: [],
      optional_fields: [],
    });
    expect(ping).not.toHaveProperty('description');
    expect(welcome).not.toHaveProperty('supports_dry_run');
    expect(ping).not.toHaveProperty('output_schema');
    expect(ping).not.toHaveProperty('read_only');
  });

  it('[SDK][REGISTRATION]: output_schema comes from the zod output, with the example and the hints given', () => {
    const find = registrationPayload(plugin).actions[2];
    expect(find).toMatchObject({
      output_schema: {
        type: 'object',
        // What the handler answers: a field with a default is always there.
        required: ['order_id', 'total'],
        properties: { order_id: { type: 'string' }, total: { type: 'number', default: 0 } },
      },
      output_example: { order_id: 'o_1', total: 12.5 },
      read_only: true,
      idempotent: true,
    });
    expect(find).not.toHaveProperty('destructive');
  });

  it('[SDK][REGISTRATION]: the registry contract accepts the payload as it is', () => {
    const parsed = ZRegisterActionsRequestSchema.safeParse(registrationPayload(plugin));
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('[SDK][REGISTRATION]: two actions on one endpoint are refused at definition', () => {
    const twice = () =>
      definePlugin({
        slug: 'x',
        actions: {
          a: action({ title: 'A', endpoint: '/same', input: z.object({}), handler: () => 1 }),
          b: action({ title: 'B', endpoint: '/same', input: z.object({}), handler: () => 1 }),
        },
      });
    expect(twice).toThrow('Action b: endpoint /same is already used by another');
  });

  it('[SDK][EXAMPLES]: examples are registered as given; one its schema refuses fails at definition', () => {
    const find = registrationPayload(plugin).actions.find((a) => a.action_type === 'find_order');
    expect(find?.examples).toEqual([
      {
        name: 'a known order',
        payload: { order_id: 'o_1' },
        setup: [{ action_type: 'ping', payload: {} }],
      },
    ]);
    const withExample = (example: ActionExampleSpec<{ order_id: string }>) => () =>
      definePlugin({
        slug: 'x',
        actions: {
          find: action({
            title: 'Find',
            input: z.object({ order_id: z.string().min(2) }),
            examples: [example],
            handler: () => 1,
          }),
        },
      });
    expect(withExample({ payload: { order_id: 'o' } })).toThrow(
      'Action find, examples[0]: find.order_id Too small: expected string to have >=2 characters',
    );
    expect(
      withExample({ payload: { order_id: 'o_1' }, setup: [{ action_type: 'nope', payload: {} }] }),
    ).toThrow('Action find, examples[0]: nope no such action in this plugin');
    action({
      title: 'Typed',
      input: z.object({ order_id: z.string() }),
      // @ts-expect-error: an example payload is typed by the action's input.
      examples: [{ payload: { order_id: 7 } }],
      handler: () => 1,
    });
  });
});
