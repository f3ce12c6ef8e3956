import type { RegistryClient } from '@registry/client';

/**
 * Never called: `tsc` checks it. Each line below must fail to compile. Were the client's types
 * to degrade to `any`, a directive would go unused, and an unused `@ts-expect-error` is itself
 * a compile error: the type check of this app fails.
 */
export function callsThatMustNotCompile(registry: RegistryClient) {
  // @ts-expect-error there is no `actions.list` procedure (it is `actions.discover`)
  void registry.actions.list.query({});
  // @ts-expect-error `category` is a string, not a number
  void registry.actions.discover.query({ category: 42 });
  // @ts-expect-error an automation event needs its `action_type`
  void registry.automation.dispatch.mutate({ events: [{ payload: {} }] });
  // @ts-expect-error `plugins.create` is a mutation: it has no `query`
  void registry.plugins.create.query({ name: 'Mailer', slug: 'mailer' });
}

/** And what a call answers is typed too: a summary's counts are numbers. */
export async function failedCount(registry: RegistryClient): Promise<number> {
  const { summary } = await registry.automation.dispatch.mutate({
    events: [{ action_type: 'send_email', payload: {} }],
  });
  return summary.failed;
}
