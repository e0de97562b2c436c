import type { RouteOptions } from 'fastify';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { Client, addStaff, loggedIn, testDatabase } from '../helper.js';

/**
 * Every route the app serves, enumerated from the app itself (so a new route is covered without
 * anyone adding it here): anonymous requests go to the login page or are refused, a viewer
 * cannot write, a write without a valid CSRF token is refused, and no page answers a 500.
 */
interface Route {
  method: string;
  url: string;
  role: string | undefined;
}

async function appWithRoutes(t: { teardown(fn: () => unknown): void }) {
  const { orm, config } = await testDatabase(t);
  const seen: RouteOptions[] = [];
  const app = await buildApp(config, { orm, logger: false, onRoute: (r) => seen.push(r) });
  await app.ready();
  t.teardown(() => app.close());
  const routes: Route[] = seen.flatMap((r) =>
    (Array.isArray(r.method) ? r.method : [r.method])
      .filter((m) => m !== 'HEAD')
      .map((method) => ({ method, url: r.url, role: (r.config as { role?: string } | undefined)?.role })),
  );
  return { app, orm, routes };
}

/** A concrete path for a route pattern: every parameter becomes 1, a wildcard a plain name. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+(\([^)]*\))?/g, '1').replace(/\*$/, 'x');
const isAsset = (r: Route) => r.url.startsWith('/assets') || r.url === '*' || r.url === '/*';
const auditCount = async (orm: { em: { fork(): { getConnection(): { execute(sql: string): Promise<unknown> } } } }) =>
  Number(
    ((await orm.em.fork().getConnection().execute('select count(*) as n from audit_log')) as { n: unknown }[])[0]?.n,
  );

t.test('the enumeration sees the whole route table', async (t) => {
  const { routes } = await appWithRoutes(t);
  t.ok(routes.length > 150, `${routes.length} routes`);
  for (const path of ['/members', '/bank/imports', '/dues', '/settings', '/login', '/setup'])
    t.ok(
      routes.some((r) => r.url === path),
      path,
    );
});

t.test(
  'without a session every page but login, setup and the assets leads to the login page, and every write is refused',
  async (t) => {
    const { app, routes } = await appWithRoutes(t);
    await addStaff(app, 'admin');
    const anonymous = new Client(app);
    const checked = routes.filter((r) => r.role !== 'public' && !isAsset(r));
    for (const r of checked) {
      const res = await anonymous.request({ method: r.method as 'GET', url: concrete(r.url) });
      if (r.method === 'GET') {
        t.equal(res.statusCode, 302, `GET ${r.url} redirects`);
        t.match(String(res.headers.location), /^\/login\?next=/, `GET ${r.url} goes to the login page`);
      } else t.equal(res.statusCode, 403, `${r.method} ${r.url} is refused`);
    }
    t.ok(checked.length > 100);
  },
);

t.test('a viewer can write nothing but their own password and logout', async (t) => {
  const { app, orm, routes } = await appWithRoutes(t);
  const viewer = await loggedIn(app, 'viewer');
  const before = await auditCount(orm);
  const writes = routes.filter((r) => r.method !== 'GET' && r.role !== 'viewer' && r.role !== 'public' && !isAsset(r));
  for (const r of writes) {
    const res = await viewer.post(concrete(r.url), {});
    t.equal(res.statusCode, 403, `${r.method} ${r.url} is refused to a viewer`);
  }
  t.ok(writes.length > 50);
  t.equal(await auditCount(orm), before, 'nothing was changed');
  t.same(
    routes.filter((r) => r.method !== 'GET' && r.role === 'viewer').map((r) => r.url),
    ['/logout', '/account/password'],
    'the only writes a viewer may make',
  );
});

t.test('every write without a valid CSRF token is refused, even for an administrator', async (t) => {
  const { app, orm, routes } = await appWithRoutes(t);
  const admin = await loggedIn(app, 'admin');
  const before = await auditCount(orm);
  const writes = routes.filter((r) => r.method !== 'GET' && !isAsset(r));
  for (const r of writes) {
    const url = concrete(r.url);
    const none = await admin.post(url, { name: 'x' }, { csrf: false });
    t.equal(none.statusCode, 403, `${r.method} ${r.url} without a token`);
    const forged = await admin.request({
      method: 'POST',
      url,
      payload: '_csrf=forged-token&name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    t.equal(forged.statusCode, 403, `${r.method} ${r.url} with a forged token`);
  }
  t.equal(await auditCount(orm), before, 'nothing was changed');
});

t.test('an administrator opening every page, with ids that do not exist, never gets a system error', async (t) => {
  const { app, routes } = await appWithRoutes(t);
  const admin = await loggedIn(app, 'admin');
  for (const r of routes.filter((r) => r.method === 'GET' && !isAsset(r) && r.url !== '/logout')) {
    const res = await admin.get(concrete(r.url));
    t.ok(res.statusCode < 500, `GET ${r.url} answered ${res.statusCode}`);
  }
});
