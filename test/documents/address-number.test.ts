import t from 'tap';
import { addressNumber, customerBarcodeData, kanjiToNumber } from '../../src/documents/address-number.js';

t.test("the address number follows Japan Post's published examples", async (t) => {
  // 〒, 町域以下の住所 → the code Japan Post prints in its barcode manual.
  const cases: [string, string, string][] = [
    ['263-0023', '緑町3丁目30-8 郵便ビル403号', '26300233-30-8-403'],
    ['014-0113', '堀見内 南田茂木 添60-1', '014011360-1'],
    ['110-0016', '台東5-6-3 ABCビル10F', '11000165-6-3-10'],
    ['060-0906', '北六条東4丁目 郵便センター6号館', '06009064-6'],
    ['065-0006', '北六条東8丁目 郵便センター10号館', '06500068-10'],
    ['407-0033', '龍岡町下條南割 韮崎400', '4070033400'],
    ['273-0102', '右京塚 東3丁目-20-5 郵便・A&bコーポB604号', '27301023-20-5-B604'],
    ['198-0036', '河辺町十一丁目六番地一号 郵便タワー601', '198003611-6-1-601'],
    ['027-0203', '大字津軽石第二十一地割大淵川480', '027020321-480'],
    ['590-0016', '中田出井町四丁六番十九号', '59000164-6-19'],
    ['080-0831', '稲田町南七線西28', '08008317-28'],
    ['317-0055', '宮田町6丁目7-14 ABCビル2F', '31700556-7-14-2'],
  ];
  for (const [postal, address, expected] of cases) t.equal(customerBarcodeData(postal, address), expected, address);
});

t.test('full-width digits and hyphens read like half-width ones', async (t) => {
  t.equal(addressNumber('新宿１－２－３　エニシビル５０１'), '1-2-3-501');
  t.equal(addressNumber('新宿一丁目2番3号'), '1-2-3');
  t.equal(addressNumber('新宿'), '');
});

t.test('kanji numbers with and without units', async (t) => {
  const cases: [string, number][] = [
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十一', 21],
    ['十九', 19],
    ['百二', 102],
    ['一〇五', 105],
    ['三百', 300],
  ];
  for (const [k, n] of cases) t.equal(kanjiToNumber(k), n, k);
});

t.test('a long address number is cut to the 20 positions, letters counting two', async (t) => {
  t.equal(customerBarcodeData('160-0022', '新宿1234-5678-9012-3456'), '16000221234-5678-901');
  t.equal(customerBarcodeData('160-0022', '新宿1-2-3 B1234567890'), '16000221-2-3-B12345');
  t.equal(customerBarcodeData('16000', '新宿1'), null);
});
