import { memberSearchBench } from './member-search.bench.js';
import { memberImportBench } from './member-import.bench.js';
import { duesBench } from './dues.bench.js';
import { bankImportBench } from './bank-import.bench.js';
import { receiptsBench } from './receipts.bench.js';
import { backupBench, dashboardBench } from './ops.bench.js';
import { labelsBench } from './labels.bench.js';
import { cliStartupBench } from './cli-startup.bench.js';
import { loadBench } from './load.bench.js';

/** `npm run bench [name…]`: runs the named benchmarks (default all) and prints their figures as JSON. */
const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  'member-search': memberSearchBench,
  'member-import': memberImportBench,
  dues: duesBench,
  'bank-import': bankImportBench,
  receipts: receiptsBench,
  dashboard: dashboardBench,
  backup: backupBench,
  labels: labelsBench,
  'cli-startup': cliStartupBench,
  load: loadBench,
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHES);
for (const name of wanted) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark: ${name} (known: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(2);
  }
  const started = performance.now();
  const { line, ...figures } = await bench();
  console.log(
    JSON.stringify(
      { bench: name, totalSeconds: Math.round((performance.now() - started) / 100) / 10, ...figures },
      null,
      2,
    ),
  );
  if (typeof line === 'string')
    console.log(line); // the one final line of figures
  else if (typeof figures.summary === 'string') console.log(figures.summary);
}
process.exit(0);
