import { setTimeout as sleep } from 'node:timers/promises';
import { type Attempt, parseRetrySchedule } from '@registry/contracts';
import type { DeliverableTarget } from '../dispatch/dispatch-target';
import { EventFailure } from '../errors/event-failure';
import type { ExecutionOutcome } from '../executions/store';
import type { PluginRecord } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { outputMismatchOf } from './output-mismatch';
import { attemptPluginCall, pluginCall } from './plugin-call';
import {
  type AttemptVerdict,
  circuitGate,
  claimTrialCall,
  disableIfFailingTooLong,
  recordVerdict,
  takeRateSlot,
} from './plugin-delivery-state';
import { isTransientFailure, nextAttemptDelay } from './retry-policy';

/**
 * A rate slot with less of its second left than this is given up: the answer still has to reach
 * this process and the call to start, and a late call would land in the next second.
 */
const SLOT_MARGIN_MS = 50;
/** One event as a delivery run sees it: its ledger row's facts and where it goes. */
export interface EventDelivery {
  executionId: string;
  tenantId: string;
  flowExecutionId: string;
  actionType: string;
  payload: Record<string, unknown>;
  /** Its idempotency key: the `webhook-id` of every attempt, redeliveries included. */
  webhookId: string;
  /** Attempts made before this run, and how many of them came before the current schedule. */
  attemptsMade: number;
  scheduleStart: number;
  target: DeliverableTarget;
}

/**
 * What a run learned: the row's new state, and the failure to report if it did not succeed.
 * `settled`: the run recorded it already (a platform action, in the transaction of its work).
 */
export type DeliveryRun = ExecutionOutcome & { failure?: EventFailure; settled?: true };

/** A paused or disabled plugin's events are looked at again this often. */
const PAUSED_RECHECK_MS = 60_000;
/** An attempt is only worth starting with at least this much of its time left. */
const MIN_ATTEMPT_MS = 100;

type Deps = Pick<RegistryDeps, 'sql' | 'pluginHttp' | 'dispatch' | 'metrics' | 'logger'>;

/**
 * Delivers a plugin event, then says where it stands. With a `deadline` (a sync request's,
 * `performance.now()` time) it attempts while the next attempt fits before it, each attempt cut
 * at it; without one (a worker) it makes exactly one attempt with the action's full timeout.
 * Never throws for anything the plugin does. Held back without an attempt while its plugin is
 * paused, its circuit is open or its per-second limit is spent.
 */
export async function deliverPluginEvent(
  deps: Deps,
  delivery: EventDelivery & { target: { kind: 'plugin' } },
  deadline?: number,
): Promise<DeliveryRun> {
  const { plugin, action } = delivery.target;
  const started = performance.now();
  const attempts: Attempt[] = [];
  const run = (state: Omit<DeliveryRun, 'id' | 'durationMs' | 'attempts'>): DeliveryRun => {
    const outcome = {
      id: delivery.executionId,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      attempts,
      ...state,
    };
    finishMetrics(deps, delivery, outcome);
    return outcome;
  };
  const hold = (failure: EventFailure, until: Date) =>
    run({
      status: delivery.attemptsMade + attempts.length > 0 ? 'retrying' : 'queued',
      error: failure.message,
      errorCode: failure.code,
      failure,
      nextAttemptAt: until,
    });
  if (!plugin.api_endpoint) {
    const failure = new EventFailure(
      'PLUGIN_NOT_CONFIGURED',
      `Plugin ${plugin.slug} has no api_endpoint`,
    );
    return run({ status: 'failed', error: failure.message, errorCode: failure.code, failure });
  }
  const call = pluginCall(
    { ...plugin, api_endpoint: plugin.api_endpoint },
    action,
    {
      payload: delivery.payload,
      webhookId: delivery.webhookId,
      flowExecutionId: delivery.flowExecutionId,
    },
    deps.dispatch,
  );
  const schedule = retryScheduleOf(deps, plugin);
  let state = plugin.delivery_state;
  for (;;) {
    const paused = pausedFailure(plugin);
    if (paused) return hold(paused, new Date(Date.now() + PAUSED_RECHECK_MS));
    const gate = circuitGate(state);
    if (gate.kind === 'hold') return hold(circuitOpen(plugin, gate.until), gate.until);
    if (gate.kind === 'trial' && !(await claimTrialCall(deps.sql, plugin.id, call.timeoutMs))) {
      const until = new Date(Date.now() + Math.min(call.timeoutMs, 5_000));
      return hold(circuitOpen(plugin, until), until);
    }
    const perSecond = plugin.delivery.max_per_second;
    const slotLeftMs = perSecond
      ? await takeRateSlot(deps.sql, { id: plugin.id, tenantId: delivery.tenantId }, perSecond)
      : undefined;
    // No slot this second, or too little of its second left to start the call in: the next one.
    if (perSecond && !(slotLeftMs !== undefined && slotLeftMs > SLOT_MARGIN_MS)) {
      const nextSecond = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
      const failure = new EventFailure(
        'HTTP_4XX',
        `Plugin ${plugin.slug} allows ${perSecond} deliveries a second`,
        429,
      );
      return hold(failure, nextSecond);
    }
    const number = delivery.attemptsMade + attempts.length + 1;
    const timeoutMs =
      deadline === undefined
        ? call.timeoutMs
        : Math.max(Math.min(call.timeoutMs, deadline - performance.now()), MIN_ATTEMPT_MS);
    const result = await attemptPluginCall(deps.pluginHttp, call, number, timeoutMs);
    attempts.push(result.attempt);
    deps.metrics.attemptFinished(
      plugin.slug,
      result.attempt.reason ?? 'success',
      result.attempt.duration_ms,
    );
    const verdict: AttemptVerdict = result.ok
      ? 'succeeded'
      : isTransientFailure(result.failure)
        ? 'transient'
        : 'refused';
    state =
      (await recordPluginVerdict(deps, delivery.tenantId, plugin, state, verdict, result)) ?? state;
    if (result.ok) {
      const mismatch = outputMismatchOf(deps.metrics, plugin, action, result.body);
      return run({ status: 'succeeded', result: result.body, ...mismatch });
    }
    const { failure } = result;
    const failed = { error: failure.message, errorCode: failure.code, failure };
    if (verdict === 'refused') return run({ status: 'failed', ...failed });
    const delay = nextAttemptDelay(
      schedule,
      delivery.attemptsMade + attempts.length - delivery.scheduleStart,
      failure,
    );
    if (delay === undefined) return run({ status: 'dead', ...failed });
    deps.metrics.retryScheduled(plugin.slug, failure.code);
    if (deadline === undefined || performance.now() + delay + MIN_ATTEMPT_MS > deadline) {
      return run({ status: 'retrying', ...failed, nextAttemptAt: new Date(Date.now() + delay) });
    }
    deps.logger.info(
      {
        tenantId: delivery.tenantId,
        eventKey: delivery.webhookId,
        plugin: plugin.slug,
        attempt: number,
        reason: failure.code,
        retryInMs: delay,
      },
      'plugin call failed; retrying',
    );
    await sleep(delay);
  }
}

/** The plugin's own schedule when it set one, else the server's (PLUGIN_RETRY_SCHEDULE). */
function retryScheduleOf(deps: Deps, plugin: PluginRecord): readonly number[] {
  const own = plugin.delivery.retry_schedule && parseRetrySchedule(plugin.delivery.retry_schedule);
  return Array.isArray(own) ? own : deps.dispatch.retrySchedule;
}

/** A plugin that is not active keeps its events waiting (they are not dropped). */
function pausedFailure(plugin: PluginRecord): EventFailure | undefined {
  if (plugin.status === 'active') return undefined;
  return new EventFailure(
    'PLUGIN_INACTIVE',
    `Plugin ${plugin.slug} is ${plugin.status}: its events wait until it is active again`,
  );
}

function circuitOpen(plugin: PluginRecord, until: Date): EventFailure {
  return new EventFailure(
    'CIRCUIT_OPEN',
    `Plugin ${plugin.slug} keeps failing, so its circuit is open: not called; delivery resumes from ${until.toISOString()}`,
  );
}

async function recordPluginVerdict(
  deps: Deps,
  tenantId: string,
  plugin: PluginRecord,
  state: PluginRecord['delivery_state'],
  verdict: AttemptVerdict,
  result: Awaited<ReturnType<typeof attemptPluginCall>>,
) {
  const errorCode = result.ok ? null : result.failure.code;
  const recorded = await recordVerdict(
    deps.sql,
    { id: plugin.id, tenantId, state },
    verdict,
    errorCode,
    deps.dispatch,
  );
  if (!recorded) return undefined;
  if (recorded.changed) {
    deps.metrics.circuitChanged(plugin.slug, recorded.state.circuit_state);
    deps.logger.warn(
      { tenantId, plugin: plugin.slug, circuit: recorded.state.circuit_state },
      'plugin circuit',
    );
  }
  if (verdict !== 'succeeded') {
    const disabled = await disableIfFailingTooLong(
      deps.sql,
      plugin.id,
      recorded.state.failing_since,
      deps.dispatch.autoDisableAfterMs,
    );
    if (disabled)
      deps.logger.warn(
        { tenantId, plugin: plugin.slug },
        'plugin disabled: every delivery failed for too long',
      );
  }
  return recorded.state;
}

function finishMetrics(deps: Deps, delivery: EventDelivery, outcome: DeliveryRun): void {
  const plugin = delivery.target.kind === 'plugin' ? delivery.target.plugin.slug : 'platform';
  deps.metrics.eventFinished(
    delivery.actionType,
    plugin,
    outcome.status === 'succeeded' ? 'success' : (outcome.errorCode ?? 'INTERNAL_ERROR'),
  );
  if (outcome.errorCode === 'INTERNAL_ERROR') {
    deps.logger.error(
      { tenantId: delivery.tenantId, eventKey: delivery.webhookId },
      'automation event failed unexpectedly',
    );
  }
}
