import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/bin/enishi.js', import.meta.url));
const BUILD = fileURLToPath(new URL('../../src/bin/build.js', import.meta.url));
let built = false;

/** Runs `enishi …` in its own process; wall time and peak RSS (VmHWM sampled from /proc). */
export function enishiInChild(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; peakRssMb: number; stdout: string }> {
  // Measured as installed: `npm ci` compiles the sources (prepare); a stale dist/ would run through tsx.
  if (!built) {
    if (spawnSync(process.execPath, [BUILD], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
    built = true;
  }
  return nodeInChild([BIN, ...args], env);
}

/** Runs `node …args` in its own process, measured the same way. */
export function nodeInChild(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; peakRssMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let peak = 0;
    const timer = setInterval(() => {
      try {
        peak = Math.max(
          peak,
          Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0),
        );
      } catch {
        /* exited between samples */
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`));
      else
        resolve({
          seconds: Math.round((performance.now() - t0) / 10) / 100,
          peakRssMb: Math.round(peak / 1024),
          stdout,
        });
    });
  });
}
