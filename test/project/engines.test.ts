import { readFileSync } from 'node:fs';
import semver from 'semver';
import t from 'tap';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
};
const ours = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};

/** The lowest Node the project says it runs on (the lower bound of package.json's engines). */
const lowest = semver.minVersion(ours.engines.node)?.version ?? '';

t.test(
  'every installed package accepts the lowest Node version the project supports, so npm ci prints no engine warning',
  async (t) => {
    t.equal(lowest, '20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .map(([path, pkg]) => ({ path, node: Array.isArray(pkg.engines) ? undefined : pkg.engines?.node }))
      .filter(({ node }) => node && semver.validRange(node) && !semver.satisfies(lowest, node))
      .map(({ path, node }) => `${path} wants node ${node}`);
    t.same(refusing, []);
  },
);

t.test('the check sees a package that wants a newer Node', async (t) => {
  t.notOk(semver.satisfies(lowest, '>=22'));
  t.ok(semver.satisfies(lowest, '>=18'));
});
