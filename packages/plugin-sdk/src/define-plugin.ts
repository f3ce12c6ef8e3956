import type { z } from 'zod';

/** What a handler knows about the call besides its payload. */
export interface ActionContext {
  actionType: string;
  /**
   * The Standard Webhooks `webhook-id`: the event's idempotency key, the same on every retry,
   * so a handler can drop a repeat. Undefined on an unsigned call.
   */
  webhookId: string | undefined;
  flowExecutionId: string | undefined;
  /**
   * The registry sent a dry run (`webhook-dry-run: true`): check the call and answer what
   * would be done, without doing it (nothing sent, stored or charged). Only actions declaring
   * `supports_dry_run` get dry runs; the SDK answers them for any other action itself.
   */
  dryRun: boolean;
}

/**
 * A valid payload of an action, and the events that must happen first for it to succeed (points
 * awarded before a redemption). Callers see it; the registry's validator runs the setup events,
 * then the payload, before its generated checks, and varies this payload for those.
 */
export interface ActionExampleSpec<Payload> {
  name?: string;
  payload: Payload;
  /** Calls of this plugin's other actions (or this one), made in order first. */
  setup?: Array<{ action_type: string; payload: Record<string, unknown> }>;
}

/** One action a plugin performs: its catalog entry, its input schema and its handler. */
export interface ActionSpec<Input extends z.ZodObject = z.ZodObject> {
  title: string;
  description?: string;
  category?: string;
  /** Path below the plugin's base URL; `/actions/<action-type-with-dashes>` when omitted. */
  endpoint?: string;
  /** Deadline of one call, when the registry's default does not suit this action. */
  timeout_ms?: number;
  /**
   * The handler honours `context.dryRun` (acts only when it is false): the registry then sends
   * it dry runs instead of only showing what it would send.
   */
  supports_dry_run?: boolean;
  /** The payload, as a zod object: the registry learns its JSON Schema, the server enforces it. */
  input: Input;
  /**
   * What a successful call answers, as a zod object: the registry learns its JSON Schema (the
   * action's `output_schema`), shows it to callers and records answers that do not fit it.
   */
  output?: z.ZodObject;
  /** An example answer, shown to callers; it must fit `output`. */
  output_example?: unknown;
  /** Example payloads, each fitting `input`, with the setup events each needs first. */
  examples?: Array<ActionExampleSpec<z.input<Input>>>;
  /** Hints for callers (MCP tool annotations); leave out what is not known. */
  read_only?: boolean;
  destructive?: boolean;
  idempotent?: boolean;
  /**
   * Does the work. What it returns is the JSON answer (`{ success: true }` for undefined);
   * throwing an ActionError answers its status, anything else a 500 JSON error.
   */
  handler(input: z.output<Input>, context: ActionContext): unknown;
}

/** A page or JSON document the plugin serves on GET besides its actions (a status page, say). */
export type PageReply = { json: unknown } | { html: string };

export interface PluginSpec {
  slug: string;
  actions: Record<string, ActionSpec>;
  pages?: Record<string, () => PageReply | Promise<PageReply>>;
}

/** A plugin's actions with their endpoints settled: what the server routes and registers. */
export interface Plugin {
  slug: string;
  actions: ResolvedAction[];
  pages: NonNullable<PluginSpec['pages']>;
}

export interface ResolvedAction extends ActionSpec {
  action_type: string;
  endpoint: string;
}

/** Types an action's handler input from its schema. */
export function action<Input extends z.ZodObject>(spec: ActionSpec<Input>): ActionSpec<Input> {
  return spec;
}

export function definePlugin(spec: PluginSpec): Plugin {
  const actions = Object.entries(spec.actions).map(([action_type, action]) => ({
    ...action,
    action_type,
    endpoint: action.endpoint ?? `/actions/${action_type.replaceAll('_', '-')}`,
  }));
  const endpoints = new Set<string>();
  for (const { action_type, endpoint } of actions) {
    if (endpoints.has(endpoint)) {
      throw new Error(`Action ${action_type}: endpoint ${endpoint} is already used by another`);
    }
    endpoints.add(endpoint);
  }
  for (const action of actions) checkExamples(action, actions);
  return { slug: spec.slug, actions, pages: spec.pages ?? {} };
}

/**
 * An example its own schema refuses, or whose setup names no action of the plugin, is a
 * mistake in the plugin's code: it fails at startup rather than at registration.
 */
function checkExamples(action: ResolvedAction, actions: readonly ResolvedAction[]): void {
  const schemaOf = new Map(actions.map((each) => [each.action_type, each.input]));
  action.examples?.forEach((example, index) => {
    const own = { action_type: action.action_type, payload: example.payload };
    for (const call of [...(example.setup ?? []), own]) {
      const input = schemaOf.get(call.action_type);
      const problem = input
        ? input.safeParse(call.payload).error?.issues[0]
        : { path: [], message: 'no such action in this plugin' };
      if (problem) {
        const at = [call.action_type, ...problem.path.map(String)].join('.');
        throw new Error(
          `Action ${action.action_type}, examples[${index}]: ${at} ${problem.message}`,
        );
      }
    }
  });
}

/** The action whose endpoint is `path` (below the plugin's base path), if there is one. */
export function actionAt(plugin: Plugin, path: string): ResolvedAction | undefined {
  return plugin.actions.find((candidate) => candidate.endpoint === path);
}

/** Thrown by a handler for a failure that is the caller's (an unknown order, say): not a 500. */
export class ActionError extends Error {
  override readonly name = 'ActionError';

  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}
