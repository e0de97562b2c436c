import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/bin/enishi.js', import.meta.url));
const BUILD = fileURLToPath(new URL('../../src/bin/build.js', import.meta.url));

function seconds(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 1000) / 1000;
};

/**
 * `enishi help` from the compiled output (as `npm ci` leaves it: built by the prepare script)
 * against a bare `node -e 0`, alternated ten times each; medians (target: help ≤ 0.5 s).
 */
export async function cliStartupBench(): Promise<Record<string, unknown>> {
  if (spawnSync(process.execPath, [BUILD], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 10; i++) {
    bare.push(seconds(['-e', '0']));
    help.push(seconds([BIN, 'help']));
  }
  const h = median(help);
  const b = median(bare);
  const ratio = Math.round((h / b) * 10) / 10;
  return { helpSeconds: h, nodeSeconds: b, ratio, line: `help=${h}s node=${b}s ratio=${ratio}x` };
}
