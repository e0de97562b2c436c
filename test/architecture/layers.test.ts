import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { buildImportGraph } from './import-graph.js';
import { checkLayers } from './layers.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes a small source tree (path → text) into a temp dir removed in teardown. */
function fixtureTree(tt: { teardown(fn: () => unknown): void }, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'enishi-layers-'));
  tt.teardown(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const CLEAN = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture file's source text
  'src/lib/money.ts': 'export const yen = (n: number) => `${n}円`;\n',
  'src/config.ts': "import { yen } from './lib/money.js';\nexport const fee = yen(0);\n",
  'src/db/orm.ts': "import type { Config } from '../config.js';\nexport type EntityManager = { config?: Config };\n",
  'src/web/roles.ts': "export type StaffRole = 'admin' | 'staff';\n",
  'src/audit/labels.ts': "import type { EntityManager } from '../db/orm.js';\nexport type Em = EntityManager;\n",
  'src/members/member.entity.ts':
    "import type { Em } from '../audit/labels.js';\nimport type { StaffRole } from '../web/roles.js';\nexport type M = [Em, StaffRole];\n",
  'src/dues/invoice.ts': "import type { M } from '../members/member.entity.js';\nexport type I = M;\n",
  'src/app.ts': "import './dues/invoice.js';\nexport const lazy = () => import('./members/member.entity.js');\n",
  'migrations/index.ts': "export { fee } from '../src/config.js';\n",
};

t.test('the source tree has no upward import and no import cycle', async (tt) => {
  const report = checkLayers(buildImportGraph(repoRoot));
  tt.same(report.unlayered, [], 'every file belongs to a layer of test/architecture/layers.ts');
  tt.same(report.upward, [], `upward imports:\n${report.upward.join('\n')}`);
  tt.same(report.cycles, [], `import cycles:\n${report.cycles.join('\n')}`);
});

t.test('a clean tree passes the check', async (tt) => {
  const root = fixtureTree(tt, CLEAN);
  const graph = buildImportGraph(root);
  tt.same(
    [...graph.get('src/app.ts')!].sort(),
    ['src/dues/invoice.ts', 'src/members/member.entity.ts'],
    'side-effect and dynamic imports count',
  );
  tt.same(checkLayers(graph), { upward: [], cycles: [], unlayered: [] });
});

t.test('db importing a domain is reported as an upward import', async (tt) => {
  const root = fixtureTree(tt, {
    ...CLEAN,
    'src/db/entities.ts': "import type { M } from '../members/member.entity.js';\nexport type All = [M];\n",
  });
  tt.same(checkLayers(buildImportGraph(root)).upward, [
    'src/db/entities.ts -> src/members/member.entity.ts (layer db imports layer members)',
  ]);
});

t.test('a domain importing a later domain is reported as an upward import', async (tt) => {
  const root = fixtureTree(tt, {
    ...CLEAN,
    'src/members/uses-dues.ts': "export type { I } from '../dues/invoice.js';\n",
  });
  tt.same(checkLayers(buildImportGraph(root)).upward, [
    'src/members/uses-dues.ts -> src/dues/invoice.ts (layer members imports layer dues)',
  ]);
});

t.test('two files importing each other are reported as a cycle', async (tt) => {
  const root = fixtureTree(tt, {
    ...CLEAN,
    'src/banking/import.service.ts': "import { post } from './posting.js';\nexport const plan = () => post;\n",
    'src/banking/posting.ts': "import { plan } from './import.service.js';\nexport const post = () => plan;\n",
  });
  const report = checkLayers(buildImportGraph(root));
  tt.same(report.cycles, ['src/banking/import.service.ts -> src/banking/posting.ts -> src/banking/import.service.ts']);
  tt.same(report.upward, [], 'a cycle inside one folder is not an upward import');
});

t.test('a file outside every layer is reported so the table says where it goes', async (tt) => {
  const root = fixtureTree(tt, { ...CLEAN, 'src/misc/helper.ts': 'export const x = 1;\n' });
  tt.same(checkLayers(buildImportGraph(root)).unlayered, ['src/misc/helper.ts']);
});
