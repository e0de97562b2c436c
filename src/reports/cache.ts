/**
 * The dashboard's aggregates scan years of payments; twenty staff opening it in the morning
 * should not each run them. A value is kept per database and per data version: as long as no
 * row anywhere has changed, every request gets the stored value; after any change the next
 * request computes anew (so a change shows at once, never a stale number). Concurrent
 * requests of one version share one computation; a failure is not remembered.
 */
interface Entry {
  version: string;
  value: Promise<unknown>;
}
const store = new WeakMap<object, Map<string, Entry>>();

export function cached<T>(
  owner: object,
  key: string,
  version: string,
  compute: () => Promise<T>,
  opts: { fresh?: boolean } = {},
): Promise<T> {
  const map = store.get(owner) ?? new Map<string, Entry>();
  store.set(owner, map);
  const hit = map.get(key);
  if (hit && hit.version === version && !opts.fresh) return hit.value as Promise<T>;
  const value = compute();
  const entry = { version, value };
  map.set(key, entry);
  value.catch(() => {
    if (map.get(key) === entry) map.delete(key);
  });
  return value;
}

export function dropCache(owner: object): void {
  store.delete(owner);
}
