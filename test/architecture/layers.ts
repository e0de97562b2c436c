import { findCycles, type ImportGraph } from './import-graph.js';

/**
 * The layers of src/, bottom → top (docs: architecture.md). A file may import its own
 * layer or any lower one; folders on the same level may import each other as long as no
 * cycle appears. Domains are the exception: each may import only the domains before it.
 */
export interface Layer {
  name: string;
  level: number;
  rank?: number;
  matches: (file: string) => boolean;
}

const under = (folder: string) => (file: string) => file.startsWith(folder);
const oneOf =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

export const DOMAINS = [
  'staff',
  'settings',
  'members',
  'supporters',
  'dues',
  'banking',
  'letters',
  'receipts',
  'mailings',
  'privacy',
  'backup',
  'reports',
  'accounting',
  'operations',
];

export const LAYERS: Layer[] = [
  { name: 'lib', level: 1, matches: under('src/lib/') },
  { name: 'config', level: 1, matches: oneOf('src/config.ts') },
  { name: 'migrations', level: 1, matches: under('migrations/') },
  { name: 'db', level: 2, matches: under('src/db/') },
  { name: 'web', level: 3, matches: under('src/web/') },
  // The CLI's argument helpers: the command-line counterpart of web/, used by each domain's commands.
  { name: 'cli', level: 3, matches: under('src/cli/') },
  { name: 'documents', level: 4, matches: under('src/documents/') },
  { name: 'batches', level: 4, matches: under('src/batches/') },
  { name: 'audit', level: 4, matches: under('src/audit/') },
  ...DOMAINS.map((d, rank) => ({ name: d, level: 5, rank, matches: under(`src/${d}/`) })),
  {
    name: 'top',
    level: 6,
    matches: (f) =>
      oneOf('src/app.ts', 'src/cli.ts', 'src/server.ts', 'src/mikro-orm.config.ts', 'src/seed.ts')(f) ||
      under('src/jobs/')(f) ||
      under('src/bin/')(f),
  },
];

export function layerOf(file: string): Layer | undefined {
  return LAYERS.find((l) => l.matches(file));
}

/** True when `from` may not import `to`: a higher level, or a later domain. */
function isUpward(from: Layer, to: Layer): boolean {
  if (from.level !== to.level) return from.level < to.level;
  return from.rank !== undefined && to.rank !== undefined && from.rank < to.rank;
}

export interface LayerReport {
  /** `from -> to (layer a imports layer b)`, one line per upward import. */
  upward: string[];
  /** `a -> b -> a`, one line per import cycle. */
  cycles: string[];
  /** Files under src/ or migrations/ that belong to no layer (the table must say where they go). */
  unlayered: string[];
}

export function checkLayers(graph: ImportGraph): LayerReport {
  const upward: string[] = [];
  const unlayered = new Set<string>();
  for (const [from, targets] of graph) {
    const a = layerOf(from);
    if (!a) unlayered.add(from);
    for (const to of targets) {
      const b = layerOf(to);
      if (!b) unlayered.add(to);
      if (a && b && isUpward(a, b)) upward.push(`${from} -> ${to} (layer ${a.name} imports layer ${b.name})`);
    }
  }
  const cycles = findCycles(graph).map((c) => [...c, c[0]].join(' -> '));
  return { upward: upward.sort(), cycles, unlayered: [...unlayered].sort() };
}
