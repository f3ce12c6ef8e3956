/** Checks `condition` every 50 ms until it holds; fails after `ms` with `what` it waited for. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}
