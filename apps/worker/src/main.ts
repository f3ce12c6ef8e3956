/**
 * `pnpm worker`: a delivery worker on its own, for running more workers than app processes
 * (here or on other machines) against one PostgreSQL (DATABASE_URL). It delivers queued events
 * until SIGTERM or SIGINT, then finishes what it has in flight (up to 10 s) and exits; anything
 * left goes back to the queue for another worker.
 */
import { createRegistryDeps, startDeliveryWorker } from '@registry/core';

const deps = createRegistryDeps(process.env, { supervise: true });
const worker = startDeliveryWorker(deps);
console.log(
  `Delivery worker ${deps.instanceId}: ${deps.dispatch.workerConcurrency} deliveries at once`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop(10_000);
  await deps.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
