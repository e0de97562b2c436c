import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { build } from './helper.js';

const FILE = fileURLToPath(new URL('./routes.txt', import.meta.url));

// The whole route table, written where review sees it: a new or moved route changes this file,
// and the test fails until the new table is committed.
t.test('the route table the app serves is the one in test/routes.txt', async (t) => {
  const { app } = await build(t);
  const table = app.printRoutes({ commonPrefix: false });
  const committed = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  writeFileSync(FILE, table);
  t.equal(table, committed, 'test/routes.txt is rewritten: review the diff and commit it');
});
