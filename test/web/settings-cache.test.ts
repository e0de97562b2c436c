import t from 'tap';
import { getSettings, updateSettings } from '../../src/settings/settings.service.js';
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
