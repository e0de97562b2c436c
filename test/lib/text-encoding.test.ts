import t from 'tap';
import { decodeText, encodeCp932 } from '../../src/lib/text-encoding.js';

const SAMPLE = '会員番号,氏名,ﾌﾘｶﾞﾅ,金額\n12,髙橋 ①,ﾀｶﾊｼ,"5,000"\n';

t.test('decodeText recognises UTF-8, UTF-8 with BOM and Shift_JIS (cp932)', async (t) => {
  const cases: [string, Buffer, 'utf-8' | 'utf-8-bom' | 'cp932'][] = [
    ['utf-8', Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8-bom'],
    ['cp932', encodeCp932(SAMPLE), 'cp932'],
  ];
  for (const [name, buf, encoding] of cases) {
    const out = decodeText(buf);
    t.equal(out.encoding, encoding, `${name} encoding`);
    t.equal(out.text, SAMPLE, `${name} text`);
  }
});

t.test('plain ASCII and empty input are treated as UTF-8', async (t) => {
  const cases: [Buffer, string][] = [
    [Buffer.from('a,b\n1,2\n'), 'a,b\n1,2\n'],
    [Buffer.alloc(0), ''],
  ];
  for (const [buf, text] of cases) t.same(decodeText(buf), { text, encoding: 'utf-8' });
});

t.test('a BOM alone decodes to empty text', async (t) => {
  t.same(decodeText(Buffer.from([0xef, 0xbb, 0xbf])), { text: '', encoding: 'utf-8-bom' });
});

t.test('encodeCp932 writes Shift_JIS bytes including NEC extensions', async (t) => {
  const cases: [string, number[]][] = [
    ['ア', [0x83, 0x41]],
    ['①', [0x87, 0x40]],
    ['ｱ', [0xb1]],
  ];
  for (const [s, bytes] of cases) t.same([...encodeCp932(s)], bytes, s);
});
