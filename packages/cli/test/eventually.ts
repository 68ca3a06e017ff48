/** Polls `check` every 25 ms until it returns a value, failing after `ms` (bounded in count and time). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (let i = 0; i < 2000; i++) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`condition not met within ${ms} ms`);
}
