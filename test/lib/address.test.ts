import t from 'tap';
import { normalizeAddress, prefectureName, splitAddress } from '../../src/lib/address.js';

t.test('splitAddress takes the prefecture and the municipality off an address by their real names', async (t) => {
  const cases: [string, string | null, [string | null, string | null, string]][] = [
    ['東京都新宿区新宿1-2-3', null, ['東京都', '新宿区', '新宿1-2-3']],
    ['北海道札幌市中央区北1条西2-1', null, ['北海道', '札幌市中央区', '北1条西2-1']],
    ['京都府京都市左京区下鴨半木町1', null, ['京都府', '京都市左京区', '下鴨半木町1']],
    ['大阪府堺市堺区南瓦町3-1', null, ['大阪府', '堺市堺区', '南瓦町3-1']],
    ['神奈川県横浜市1-1', null, ['神奈川県', '横浜市', '1-1']],
    ['北海道虻田郡倶知安町北1条東1', null, ['北海道', '虻田郡倶知安町', '北1条東1']],
    ['長野県北佐久郡軽井沢町軽井沢1', null, ['長野県', '北佐久郡軽井沢町', '軽井沢1']],
    ['東京都西多摩郡檜原村467', null, ['東京都', '西多摩郡檜原村', '467']],
    ['北海道倶知安町北1条東1', null, ['北海道', '倶知安町', '北1条東1']],
    ['千葉県市川市八幡1-1-1', null, ['千葉県', '市川市', '八幡1-1-1']],
    ['三重県四日市市諏訪町1-5', null, ['三重県', '四日市市', '諏訪町1-5']],
    ['広島県廿日市市下平良1-11-1', null, ['広島県', '廿日市市', '下平良1-11-1']],
    ['石川県野々市市三納1-1', null, ['石川県', '野々市市', '三納1-1']],
    ['福島県郡山市朝日1-23-7', null, ['福島県', '郡山市', '朝日1-23-7']],
    ['奈良県大和郡山市北郡山町248', null, ['奈良県', '大和郡山市', '北郡山町248']],
    ['東京都町田市森野2-2-22', null, ['東京都', '町田市', '森野2-2-22']],
    ['東京都東村山市本町1', null, ['東京都', '東村山市', '本町1']],
    ['千葉県鎌ヶ谷市新田1', null, ['千葉県', '鎌ヶ谷市', '新田1']],
    ['新宿区新宿1-2-3', '東京都', ['東京都', '新宿区', '新宿1-2-3']],
    ['東京都 新宿区新宿1-2-3', '東京都', ['東京都', '新宿区', '新宿1-2-3']],
    ['新宿区新宿1-2-3', null, [null, null, '新宿区新宿1-2-3']],
    ['大阪府大阪市北区梅田1', '東京都', ['東京都', null, '大阪府大阪市北区梅田1']],
    ['東京都どこか1-1', null, ['東京都', null, 'どこか1-1']],
    ['', null, [null, null, '']],
  ];
  for (const [text, chosen, [prefecture, city, rest]] of cases)
    t.same(splitAddress(text, chosen), { prefecture, city, rest }, `${text} (${chosen ?? 'no prefecture chosen'})`);
});

t.test('prefectureName accepts only the 47 prefectures', async (t) => {
  t.equal(prefectureName('東京都'), '東京都');
  t.equal(prefectureName('沖縄県'), '沖縄県');
  t.equal(prefectureName('東京'), null);
  t.equal(prefectureName(''), null);
});

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
