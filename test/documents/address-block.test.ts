import t from 'tap';
import { addressLines, addressParts, type AddressTo } from '../../src/documents/address-block.js';

const ADDR = {
  postalCode: '123-4567',
  prefecture: '東京都',
  city: '千代田区',
  address1: '千代田1-1-1',
  address2: 'エニシビル5F',
};

t.test('addressLines puts the postal code first, a blank line, then the names with honorifics', async (t) => {
  const cases: [string, AddressTo, string[]][] = [
    [
      'a person',
      { ...ADDR, name: '山田 太郎', honorific: '様' },
      ['〒123-4567', '東京都千代田区千代田1-1-1', 'エニシビル5F', '', '山田 太郎 様'],
    ],
    [
      'an organisation as a whole',
      { ...ADDR, name: '株式会社エニシ', honorific: '御中' },
      ['〒123-4567', '東京都千代田区千代田1-1-1', 'エニシビル5F', '', '株式会社エニシ 御中'],
    ],
    [
      'a named person at an organisation gets 様 and no 御中',
      { ...ADDR, name: '株式会社エニシ', honorific: '御中', contactPerson: '鈴木 一郎' },
      ['〒123-4567', '東京都千代田区千代田1-1-1', 'エニシビル5F', '', '株式会社エニシ', '担当 鈴木 一郎 様'],
    ],
    [
      'the member number comes last',
      { ...ADDR, address2: null, name: '山田 太郎', honorific: '様', memberNo: '123' },
      ['〒123-4567', '東京都千代田区千代田1-1-1', '', '山田 太郎 様', '会員番号 123'],
    ],
    [
      'a postal code already marked with 〒 is not marked twice',
      { postalCode: '〒123-4567', name: '山田', honorific: '様' },
      ['〒123-4567', '', '山田 様'],
    ],
    ['no address at all gives only the name', { name: '山田 太郎', honorific: '様' }, ['山田 太郎 様']],
    [
      'blank and missing parts are skipped',
      {
        postalCode: ' ',
        prefecture: '東京都',
        city: null,
        address1: '  ',
        name: ' 山田 ',
        honorific: '様',
        contactPerson: ' ',
      },
      ['東京都', '', '山田 様'],
    ],
  ];
  for (const [name, to, expected] of cases) t.same(addressLines(to), expected, name);
});

t.test('addressParts separates address lines, name lines and the member number', async (t) => {
  t.same(addressParts({ ...ADDR, name: 'エニシ', honorific: '御中', contactPerson: '鈴木', memberNo: '7' }), {
    address: ['〒123-4567', '東京都千代田区千代田1-1-1', 'エニシビル5F'],
    names: ['エニシ', '担当 鈴木 様'],
    memberNo: '7',
  });
  t.same(addressParts({ name: '山田', honorific: '様' }), { address: [], names: ['山田 様'], memberNo: null });
});
