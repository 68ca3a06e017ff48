/** Polls `check` every 10 ms until it holds, failing after `ms` (bounded in count and time). */
export async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  for (let i = 0; i < 5000 && performance.now() < deadline; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`condition not met within ${ms} ms`);
}
