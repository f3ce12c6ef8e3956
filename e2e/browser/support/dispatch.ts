import { type APIRequestContext, expect } from '@playwright/test';

/** Dispatches through the automation endpoint, as an automation flow would; answers its results. */
export async function dispatch(request: APIRequestContext, flow: string, events: object[]) {
  const response = await request.post('/api/plugins/events/automation', {
    data: { flow_execution_id: flow, events },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { results: { execution_id: string; status: string }[] };
}
