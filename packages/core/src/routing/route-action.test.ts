import { describe, expect, it } from 'vitest';
import { type ActionRoute, type RoutablePlugin, routeAction } from './route-action';

const plugin = (slug: string, status: string, actionTypes: string[]): RoutablePlugin => ({
  id: `id-${slug}`,
  slug,
  status,
  registered_actions: {
    actions: actionTypes.map((action_type) => ({
      action_type,
      title: action_type,
      required_fields: [],
      endpoint: `/actions/${action_type}`,
    })),
  },
});

const owner = plugin('owner', 'active', ['send_welcome_email']);
const rival = plugin('rival', 'active', ['send_welcome_email', 'send_email']);

/** Routes with `owner` as send_welcome_email's default provider, in `owner`'s given state. */
function route(call: { action_type: string; plugin_id?: string }, ownerState = owner) {
  return routeAction(call, {
    plugins: new Map([ownerState, rival].map((p) => [p.id, p])),
    defaultProviders: new Map([['send_welcome_email', owner.id]]),
  });
}

const summary = (result: ActionRoute<RoutablePlugin>) =>
  result.kind === 'unroutable'
    ? [result.failure.code, result.failure.message, result.plugin?.slug]
    : [result.kind, result.action.action_type, result.kind === 'plugin' && result.plugin.slug];

describe('routeAction', () => {
  it('[ROUTING][RULE]: without plugin_id: the platform action, else the default provider, else unknown', () => {
    expect(summary(route({ action_type: 'send_email' }))).toEqual([
      'platform',
      'send_email',
      false,
    ]);
    expect(summary(route({ action_type: 'send_welcome_email' }))).toEqual([
      'plugin',
      'send_welcome_email',
      'owner',
    ]);
    expect(summary(route({ action_type: 'teleport' }))).toEqual([
      'ACTION_NOT_FOUND',
      'Unknown action type: teleport',
      undefined,
    ]);
  });

  it('[ROUTING][RULE]: a default provider that cannot serve fails the call naming it; no other provider gets it', () => {
    const inactive = route({ action_type: 'send_welcome_email' }, { ...owner, status: 'inactive' });
    const unproven = route(
      { action_type: 'send_welcome_email' },
      { ...owner, status: 'pending_verification' },
    );

    const tail =
      ', and it is the default provider of send_welcome_email: send plugin_id to choose another provider';
    expect(summary(inactive)).toEqual([
      'PLUGIN_INACTIVE',
      `Plugin owner is inactive${tail}`,
      'owner',
    ]);
    expect(summary(unproven)).toEqual([
      'PLUGIN_INACTIVE',
      `Plugin owner is waiting for its api_endpoint to answer the ownership challenge (POST /api/plugins/owner/verify)${tail}`,
      'owner',
    ]);
  });

  it('[ROUTING][RULE]: with plugin_id: that plugin, even for a platform action name, or why not', () => {
    expect(summary(route({ action_type: 'send_welcome_email', plugin_id: rival.id }))).toEqual([
      'plugin',
      'send_welcome_email',
      'rival',
    ]);
    expect(summary(route({ action_type: 'send_email', plugin_id: rival.id }))).toEqual([
      'plugin',
      'send_email',
      'rival',
    ]);
    expect(summary(route({ action_type: 'send_email', plugin_id: owner.id }))).toEqual([
      'ACTION_NOT_FOUND',
      'Plugin action not found: send_email for plugin id-owner',
      'owner',
    ]);
    expect(summary(route({ action_type: 'send_email', plugin_id: 'id-gone' }))).toEqual([
      'PLUGIN_NOT_FOUND',
      'Plugin not found: id-gone',
      undefined,
    ]);
  });
});
