import { opsDatabase } from '../test/bench/ops-data.js';
import { openOrm } from '../src/db/orm.js';
import * as d from '../src/reports/dashboard.service.js';
import { buildApp } from '../src/app.js';
import { loggedIn } from '../test/helper.js';
const db = await opsDatabase(Number(process.env.N ?? 20000));
const orm = await openOrm(db.config);
const em = () => orm.em.fork();
for (const [name, fn] of [['today', () => d.todayNumbers(em(), db.dataDir)], ['types', () => d.membersByTypeAndStatus(em())], ['months', () => d.moneyByMonth(em())], ['years', () => d.collectionByYear(em())], ['pref', () => d.membersByPrefecture(em())]] as const) {
  const t0 = performance.now(); await (fn as () => Promise<unknown>)(); console.log(name, Math.round(performance.now() - t0));
}
const app = await buildApp(db.config, { orm, logger: false });
await app.ready();
const c = await loggedIn(app, 'viewer');
await c.get('/dashboard');
for (const url of ['/dashboard', '/account']) { const t0 = performance.now(); for (let i = 0; i < 50; i++) await c.get(url); console.log(url, ((performance.now() - t0) / 50).toFixed(1), 'ms avg'); }
await app.close(); await orm.close(); db.close();
