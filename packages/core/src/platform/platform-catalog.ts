import type { DiscoveredPlatformAction } from '@registry/contracts';
import { addToCart } from './cart';
import { createCustomer, updateCustomer } from './customers';
import { createNotification, sendEmail, sendSms } from './notifications';
import { createOrder, updateOrderStatus } from './orders';
import type { PlatformAction } from './platform-action';
import { createProduct, deleteProduct, updateProduct } from './products';
import { assignTask, createTask } from './tasks';

/** Every built-in platform action, in catalog order. */
export const PLATFORM_ACTIONS: readonly PlatformAction[] = [
  createProduct,
  updateProduct,
  deleteProduct,
  createCustomer,
  updateCustomer,
  createOrder,
  updateOrderStatus,
  addToCart,
  sendEmail,
  sendSms,
  createNotification,
  createTask,
  assignTask,
];

const byType = new Map(PLATFORM_ACTIONS.map((action) => [action.action_type, action]));

export function findPlatformAction(actionType: string): PlatformAction | undefined {
  return byType.get(actionType);
}

/** A platform action as the catalog lists it, before its health is added. */
export type CatalogPlatformAction = Omit<DiscoveredPlatformAction, 'health'>;

/** The platform actions as catalog entries; their fields come from their payload schemas. */
export const PLATFORM_CATALOG: readonly CatalogPlatformAction[] = PLATFORM_ACTIONS.map((action) => {
  const fields = Object.entries(action.input.shape);
  const accepts = (schema: unknown) =>
    (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success;
  return {
    source: 'platform',
    action_type: action.action_type,
    title: action.title,
    description: action.description,
    category: action.category,
    ...action.hints,
    required_fields: fields.filter(([, schema]) => !accepts(schema)).map(([name]) => name),
    optional_fields: fields.filter(([, schema]) => accepts(schema)).map(([name]) => name),
    plugin_id: null,
    plugin_slug: null,
    plugin_name: null,
  };
});
