import t from 'tap';
import { closingFor, hasSeasonalGreeting, isSalutation, seasonalGreeting, SALUTATION_PAIRS } from '../../src/documents/letter-etiquette.js';

t.test('each 頭語 has exactly its own 結語, never another pair', async (t) => {
  const cases: [string, string, boolean][] = [['拝啓', '敬具', true], ['謹啓', '謹白', true], ['拝復', '敬具', true], ['前略', '草々', false]];
  for (const [opening, closing, seasonal] of cases) {
    t.ok(isSalutation(opening), opening);
    if (!isSalutation(opening)) continue;
    t.equal(closingFor(opening), closing, `${opening} → ${closing}`);
    t.equal(hasSeasonalGreeting(opening), seasonal, `${opening}: seasonal line ${seasonal}`);
  }
  t.same(Object.keys(SALUTATION_PAIRS).sort(), ['前略', '拝啓', '拝復', '謹啓'].sort(), 'no other pairs');
  t.notOk(isSalutation('敬具'), 'a 結語 is not a 頭語');
  t.notOk(isSalutation('toString'), 'no prototype keys');
});

t.test('the seasonal greeting follows the month, with 新春の候 in 松の内', async (t) => {
  const cases: [string, string][] = [
    ['2027-01-01', '新春の候'], ['2027-01-07', '新春の候'], ['2027-01-08', '厳寒の候'], ['2027-01-31', '厳寒の候'],
    ['2026-02-10', '余寒の候'], ['2026-03-10', '早春の候'], ['2026-04-10', '陽春の候'], ['2026-05-10', '新緑の候'],
    ['2026-06-10', '梅雨の候'], ['2026-07-10', '盛夏の候'], ['2026-08-10', '残暑の候'], ['2026-09-10', '初秋の候'],
    ['2026-10-10', '秋冷の候'], ['2026-11-10', '晩秋の候'], ['2026-12-01', '初冬の候'], ['2026-12-31', '初冬の候'],
  ];
  for (const [date, phrase] of cases) t.equal(seasonalGreeting(date), phrase, date);
  t.equal(seasonalGreeting('2027-01-10', 15), '新春の候', '松の内 until the 15th where that is the custom');
  t.throws(() => seasonalGreeting('2026-13-01'), RangeError);
});
