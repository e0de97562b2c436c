import t from 'tap';
import { normalizeAddress } from '../../src/lib/address.js';

t.test('every dash look-alike typed between digits of an address becomes the same hyphen', async (t) => {
  const cases: [string, string][] = [
    ['新宿1-2-3', '新宿1-2-3'],
    ['新宿１ー２ー３', '新宿1-2-3'],
    ['新宿１ｰ２ｰ３', '新宿1-2-3'],
    ['新宿1−2−3', '新宿1-2-3'],
    ['新宿1‐2‐3', '新宿1-2-3'],
    ['新宿１－２－３', '新宿1-2-3'],
    ['新宿1―2―3', '新宿1-2-3'],
    ['新宿1–2—3', '新宿1-2-3'],
    ['新宿1 ー 2 ー 3', '新宿1-2-3'],
    ['本町３ー５ー１０　カーサ本町２０１', '本町3-5-10 カーサ本町201'],
    ['メゾンー1', 'メゾンー1'],
    ['コーポ２ー１０１', 'コーポ2-101'],
    ['一丁目二番', '一丁目二番'],
    ['', ''],
  ];
  for (const [input, want] of cases) t.equal(normalizeAddress(input), want, input);
});
