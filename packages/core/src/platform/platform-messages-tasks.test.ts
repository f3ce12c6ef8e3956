import { randomUUID } from 'node:crypto';
import { newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { platformActionRunner } from '../../test/support/platform-action-runner';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps();
const { perform, succeed, expectInvalidPayload } = platformActionRunner(deps);

const outboxOf = (tenantId: string) =>
  deps.db.notification.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });

describe('platform actions: messages', () => {
  it('[PLATFORM][MESSAGES]: send_email queues an email in the outbox', async () => {
    const tenant = newTenantId();
    const queued = await succeed(tenant, 'send_email', {
      to: 'customer@example.com',
      subject: 'Welcome',
      body: 'Hello there',
      reply_to: 'shop@example.com',
    });

    const [row, ...others] = await outboxOf(tenant);
    expect(others).toEqual([]);
    expect(queued).toMatchObject({ notification_id: row?.id, channel: 'email', status: 'queued' });
    expect(row).toMatchObject({
      channel: 'email',
      recipient: 'customer@example.com',
      subject: 'Welcome',
      body: 'Hello there',
      status: 'queued',
      metadata: { reply_to: 'shop@example.com' },
    });
  });

  it('[PLATFORM][MESSAGES]: send_sms queues a text message', async () => {
    const tenant = newTenantId();
    await succeed(tenant, 'send_sms', { to: '+1 555 0100', message: 'Your order shipped' });
    expect(await outboxOf(tenant)).toEqual([
      expect.objectContaining({
        channel: 'sms',
        recipient: '+1 555 0100',
        body: 'Your order shipped',
      }),
    ]);
  });

  it('[PLATFORM][MESSAGES]: create_notification posts an in-app notification', async () => {
    const tenant = newTenantId();
    const customerId = randomUUID();
    await succeed(tenant, 'create_notification', {
      title: 'Low stock',
      message: 'Mugs are running out',
      type: 'warning',
    });
    await succeed(tenant, 'create_notification', {
      title: 'Hi',
      message: 'For one customer',
      customer_id: customerId,
    });

    const rows = await outboxOf(tenant);
    expect(rows.map((row) => [row.channel, row.recipient, row.subject, row.metadata])).toEqual(
      expect.arrayContaining([
        ['in_app', null, 'Low stock', { type: 'warning' }],
        ['in_app', customerId, 'Hi', { type: 'info' }],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('[PLATFORM][PAYLOAD]: message payloads name the offending field and queue nothing', async () => {
    const tenant = newTenantId();
    const cases: [string, Record<string, unknown>, string][] = [
      ['send_email', { to: 'nobody', subject: 'S', body: 'B' }, 'payload.to: '],
      ['send_email', { to: 'a@example.com', subject: 'S' }, 'payload.body: is required'],
      ['send_sms', { to: '+15550100', message: '' }, 'payload.message: must not be empty'],
      ['send_sms', { to: 'call me', message: 'Hi' }, 'payload.to: must be a phone number'],
      ['create_notification', { title: 'T', message: 'M', type: 'loud' }, 'payload.type: '],
      ['create_notification', { title: 'T', message: 'M', urgent: true }, 'unknown field "urgent"'],
    ];
    for (const [type, payload, message] of cases) {
      await expectInvalidPayload(tenant, type, payload, message);
    }
    expect(await outboxOf(tenant)).toEqual([]);
  });
});

describe('platform actions: tasks', () => {
  it('[PLATFORM][TASKS]: create_task creates an open task', async () => {
    const tenant = newTenantId();
    const task = await succeed(tenant, 'create_task', {
      title: 'Call the supplier',
      priority: 'high',
      due_date: '2030-01-02T09:00:00Z',
    });

    const row = await deps.db.task.findFirstOrThrow({ where: { tenantId: tenant } });
    expect(task).toMatchObject({ id: row.id, status: 'open', assignee: null });
    expect(row).toMatchObject({ title: 'Call the supplier', priority: 'high', status: 'open' });
    expect(row.dueDate?.toISOString()).toBe('2030-01-02T09:00:00.000Z');
  });

  it('[PLATFORM][TASKS]: assign_task assigns the task', async () => {
    const tenant = newTenantId();
    const task = await succeed(tenant, 'create_task', { title: 'Pack order' });

    expect(await succeed(tenant, 'assign_task', { id: task.id, assignee: 'sam' })).toMatchObject({
      id: task.id,
      assignee: 'sam',
    });
    const row = await deps.db.task.findUniqueOrThrow({ where: { id: String(task.id) } });
    expect(row.assignee).toBe('sam');
  });

  it("[PLATFORM][TASKS]: assign_task refuses a missing id and another tenant's task", async () => {
    const tenant = newTenantId();
    const theirs = await deps.db.task.create({
      data: { tenantId: newTenantId(), title: 'Theirs' },
    });

    expect(await perform(tenant, 'assign_task', { assignee: 'sam' })).toMatchObject({
      error_code: 'INVALID_PAYLOAD',
      error: 'Invalid payload for assign_task: payload.id: Task ID required for assignment',
    });
    expect(await perform(tenant, 'assign_task', { id: theirs.id, assignee: 'sam' })).toMatchObject({
      error_code: 'NOT_FOUND',
      error: `Task not found: ${theirs.id}`,
    });
    const row = await deps.db.task.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row.assignee).toBeNull();
  });

  it('[PLATFORM][PAYLOAD]: text holding U+0000 is refused naming the field, not an internal error', async () => {
    const tenant = newTenantId();
    const result = await perform(tenant, 'create_task', { title: 'Pack\u0000order' });
    expect(result).toMatchObject({
      error_code: 'INVALID_PAYLOAD',
      error: 'Invalid payload for create_task: payload.title: must not contain U+0000 (NUL)',
    });
    expect(await deps.db.task.count({ where: { tenantId: tenant } })).toBe(0);
  });
});
