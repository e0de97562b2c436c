/**
 * The dashboard's aggregates scan years of payments; twenty staff opening it in the morning
 * should not each run them, nor wait for them. A value is shared per database; once older than
 * the TTL it is still served while one refresh runs in the background (stale-while-revalidate),
 * so only the very first request after a start waits. Concurrent first requests share one promise.
 */
const TTL_MS = 30_000;
interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing: boolean;
}
const store = new WeakMap<object, Map<string, Entry>>();

export function cached<T>(
  owner: object,
  key: string,
  compute: () => Promise<T>,
  opts: { now?: number; fresh?: boolean } = {},
): Promise<T> {
  const now = opts.now ?? Date.now();
  const map = store.get(owner) ?? new Map<string, Entry>();
  store.set(owner, map);
  const hit = map.get(key);
  if (hit && !opts.fresh) {
    if (now - hit.at >= TTL_MS && !hit.refreshing) {
      hit.refreshing = true;
      compute().then(
        (v) => map.set(key, { at: Date.now(), value: Promise.resolve(v), refreshing: false }),
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.value as Promise<T>;
  }
  const value = compute();
  map.set(key, { at: now, value, refreshing: false });
  value.catch(() => map.delete(key)); // a failure is not remembered
  return value;
}

export function dropCache(owner: object): void {
  store.delete(owner);
}
