import type { CliIO } from './command.js';

/**
 * A progress line on stderr for long runs (「領収書 1500/5000」), at most every two seconds, so a
 * short run prints nothing and stdout stays the contract. ENISHI_PROGRESS_MS changes the interval
 * (0: a line per item — scripts that want every step, and tests).
 */
export function cliProgress(io: CliIO, label: string): (done: number, total: number) => void {
  const raw = io.env.ENISHI_PROGRESS_MS;
  const every = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : 2000;
  let last = Date.now();
  return (done, total) => {
    const now = Date.now();
    if (now - last < every) return;
    last = now;
    io.err(`${label} ${done}/${total}`);
  };
}
