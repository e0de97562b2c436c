import t from 'tap';
import { DEFAULT_SETTINGS, getSettings, readSettings, updateSettings } from '../../src/settings/settings.service.js';
import { asTest } from '../supporters/fixtures.js';
import { testDatabase } from '../helper.js';

t.test(
  'settings are cached per database but a save is seen at once, and a transaction never caches what it has not committed',
  async (t) => {
    const { orm } = await testDatabase(t);
    const other = await testDatabase(t);
    const em = () => orm.em.fork();
    t.equal((await getSettings(em())).dueDays, 30);
    await asTest(() => updateSettings(em(), { dueDays: 45 }));
    t.equal((await getSettings(em())).dueDays, 45, 'the saved value is read back at once');
    t.equal((await getSettings(other.orm.em.fork())).dueDays, 30, 'another database has its own settings');
    const copy = await getSettings(em());
    copy.bankAccounts.push('変更');
    t.same((await getSettings(em())).bankAccounts, [], 'callers get a copy, not the cached object');
    const shared = await readSettings(em());
    t.equal(shared, await readSettings(em()), 'read-only readers share one object (no copy per page)');
    t.throws(() => (shared.bankAccounts as string[]).push('変更'), TypeError, 'which cannot be changed');
    t.equal(shared.dueDays, 45);
    t.notOk(Object.isFrozen(DEFAULT_SETTINGS.bankAccounts), 'the defaults themselves stay as they were');
    await em()
      .transactional(async (tx) => {
        await asTest(() => updateSettings(tx, { dueDays: 60 }));
        t.equal((await getSettings(tx)).dueDays, 60, 'inside the transaction its own value');
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    t.equal((await getSettings(em())).dueDays, 45, 'a rolled-back value never reaches the cache');
  },
);
