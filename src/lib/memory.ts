import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection between the chunks of a long batch (a 5,000-page PDF, a 10,000-line
 * statement). Such batches allocate a lot of short-lived memory and V8 lets its heap grow lazily,
 * so peak RSS climbs far above what is live. A collection costs a few milliseconds. `gc` is not
 * exposed by default: enabling the flag at runtime only makes the function available.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
