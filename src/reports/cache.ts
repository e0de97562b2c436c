/**
 * The dashboard's aggregates scan years of payments; twenty staff opening it in the morning
 * should not each run them. Results are kept per database for a short while, and concurrent
 * requests share one computation (the promise is cached, not only the value).
 */
const TTL_MS = 30_000;
const store = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

export function cached<T>(owner: object, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const map = store.get(owner) ?? new Map();
  store.set(owner, map);
  const hit = map.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  map.set(key, { at: now, value });
  value.catch(() => map.delete(key)); // a failure is not remembered
  return value;
}

export function dropCache(owner: object): void {
  store.delete(owner);
}
