import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting: a staff member in a web request, or a named system actor (CLI, job). */
export interface Actor {
  staffId: number | null;
  name: string;
}

const storage = new AsyncLocalStorage<{ actor: Actor }>();
const SYSTEM: Actor = { staffId: null, name: 'システム' };

/** Runs fn with a mutable actor slot; the auth guard fills it once the session is known. */
export function withActor<T>(actor: Actor, fn: () => T): T {
  return storage.run({ actor }, fn);
}

export function setCurrentActor(actor: Actor): void {
  const slot = storage.getStore();
  if (slot) slot.actor = actor;
}

export function currentActor(): Actor {
  return storage.getStore()?.actor ?? SYSTEM;
}
