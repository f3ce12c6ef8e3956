import type { Prisma } from '@registry/db';
import { z } from 'zod';
import { EventFailure } from '../errors/event-failure';
import { CREATES, OVERWRITES } from './action-hints';
import { idField, shortText } from './fields';
import { definePlatformAction } from './platform-action';

type TaskRow = Prisma.TaskGetPayload<object>;

function toTaskDto(row: TaskRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    assignee: row.assignee,
    due_date: row.dueDate?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const createTask = definePlatformAction({
  action_type: 'create_task',
  title: 'Create Task',
  description: 'Creates a task for the store team.',
  category: 'tasks',
  hints: CREATES,
  input: z.strictObject({
    title: shortText(200),
    description: z.string().max(5000).optional(),
    assignee: shortText(200).optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    due_date: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  }),
  async run({ db, tenantId }, input) {
    const row = await db.task.create({
      data: {
        tenantId,
        title: input.title,
        description: input.description,
        assignee: input.assignee,
        priority: input.priority,
        dueDate: input.due_date ? new Date(input.due_date) : undefined,
      },
    });
    return toTaskDto(row);
  },
});

export const assignTask = definePlatformAction({
  action_type: 'assign_task',
  title: 'Assign Task',
  description: 'Assigns a task to a team member.',
  category: 'tasks',
  hints: OVERWRITES,
  input: z.strictObject({
    id: idField('Task ID required for assignment'),
    assignee: shortText(200),
  }),
  async run({ db, tenantId }, { id, assignee }) {
    const { count } = await db.task.updateMany({ where: { id, tenantId }, data: { assignee } });
    if (count === 0) throw new EventFailure('NOT_FOUND', `Task not found: ${id}`);
    const row = await db.task.findUniqueOrThrow({ where: { id } });
    return toTaskDto(row);
  },
});
