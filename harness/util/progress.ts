/** Progress lines for long work (image builds, npm installs) go to stderr, so stdout stays data. */
export function progress(message: string): void {
  process.stderr.write(`[ocf] ${message}\n`);
}

/** Times an async piece of work and reports it when done. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  progress(`${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}
