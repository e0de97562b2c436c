import t from 'tap';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { Member } from '../../src/members/member.entity.js';
import { build, loggedIn, type Client } from '../helper.js';
import { addMember, multipart } from '../supporters/fixtures.js';

async function upload(c: Client, filename: string, bytes: Buffer) {
  if (!c.csrf) await c.get('/members/import');
  const { payload, headers } = multipart(filename, bytes, 'file', { _csrf: c.csrf });
  return c.request({ method: 'POST', url: '/members/import', payload, headers });
}

const FILE =
  '会員番号,氏名,フリガナ,会員種別,電話番号\n1,山田 太郎,ヤマダ タロウ,正会員,03-1111-2222\n,佐藤 花子,ｻﾄｳ ﾊﾅｺ,賛助会員,\n';

t.test('upload → preview of every row → commit imports the previewed file and deletes it', async (t) => {
  const { app, em, config } = await build(t);
  const c = await loggedIn(app, 'staff');
  await addMember(em(), {
    memberNo: '1',
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
  });
  t.match((await c.get('/members/import')).body, 'enctype="multipart/form-data"');
  const res = await upload(c, '会員名簿.csv', encodeCp932(FILE));
  t.equal(res.statusCode, 303);
  const url = res.headers.location as string;
  t.match(url, /^\/members\/import\/[a-f0-9]{32}$/);
  const preview = await c.get(url);
  t.equal(preview.statusCode, 200);
  t.match(preview.body, '新規 <strong>1</strong> 件、更新 <strong>1</strong> 件');
  t.match(preview.body, '文字コード：Shift_JIS');
  t.match(preview.body, '会員名簿.csv');
  t.match(
    preview.body,
    /電話<\/span> <span class="before">（空）<\/span> → 03-1111-2222/,
    'an update shows its changes',
  );
  t.match(preview.body, '佐藤 花子');
  t.equal(await em().count(Member, {}), 1, 'the preview writes nothing');
  const commit = await c.post(`${url}/commit`, {
    fingerprint: /name="fingerprint" value="([^"]+)"/.exec(preview.body)![1]!,
  });
  t.equal(commit.statusCode, 303);
  t.equal(await em().count(Member, {}), 2);
  t.equal((await em().findOneOrFail(Member, { memberNo: 1 })).phone, '03-1111-2222');
  t.equal((await em().findOneOrFail(Member, { familyName: '佐藤' })).givenKana, 'ハナコ');
  t.same(readdirSync(join(config.dataDir, 'uploads')), [], 'the stored upload is deleted after commit');
  t.equal((await c.get(url)).statusCode, 404, 'a committed preview is gone');
});

t.test('a file with an error row: commit imports nothing unless only valid rows are chosen', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const url = (
    await upload(
      c,
      'bad.csv',
      Buffer.from('氏名,フリガナ,会員種別\n山田 太郎,ヤマダ タロウ,正会員\n佐藤 花子,サトウ ハナコ,名誉会員\n'),
    )
  ).headers.location as string;
  const preview = await c.get(url);
  t.match(preview.body, 'エラー <strong>1</strong> 件');
  t.match(preview.body, '会員種別「名誉会員」はありません（登録済みの種別：正会員、賛助会員、学生会員）');
  t.match((await c.get(`${url}?show=error`)).body, '名誉会員');
  t.notMatch((await c.get(`${url}?show=error`)).body, '山田 太郎', 'the error filter shows error rows only');
  const refused = await c.post(`${url}/commit`, {});
  t.equal(refused.statusCode, 422);
  t.match(refused.body, 'エラーのある行があるため、何も取り込んでいません');
  t.equal(await em().count(Member, {}), 0);
  t.equal((await c.post(`${url}/commit`, { onlyValid: '1' })).statusCode, 303);
  t.equal(await em().count(Member, {}), 1);
});

t.test('a preview that no longer matches the database is shown again instead of committed', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const url = (
    await upload(c, 'a.csv', Buffer.from('会員番号,氏名,フリガナ,会員種別\n7,山田 太郎,ヤマダ タロウ,正会員\n'))
  ).headers.location as string;
  const fingerprint = /name="fingerprint" value="([^"]+)"/.exec((await c.get(url)).body)![1]!;
  await addMember(em(), { memberNo: '7', familyName: '鈴木', familyKana: 'スズキ' });
  const res = await c.post(`${url}/commit`, { fingerprint });
  t.equal(res.statusCode, 409);
  t.match(res.body, '確認のあとで会員の登録内容が変わったため');
  t.match(res.body, '更新 <strong>1</strong> 件', 'the new preview shows the row as an update now');
  t.equal((await em().findOneOrFail(Member, { memberNo: 7 })).familyName, '鈴木');
});

t.test(
  'cancel deletes the upload; an empty upload, a bad id and viewers are refused; the template downloads',
  async (t) => {
    const { app, config } = await build(t);
    const c = await loggedIn(app, 'staff');
    const url = (await upload(c, 'a.csv', Buffer.from(FILE))).headers.location as string;
    const id = url.split('/').pop()!;
    t.ok(existsSync(join(config.dataDir, 'uploads', `${id}.csv`)));
    t.equal((await c.post(`${url}/cancel`)).statusCode, 303);
    t.notOk(existsSync(join(config.dataDir, 'uploads', `${id}.csv`)));
    const empty = await upload(c, 'empty.csv', Buffer.alloc(0));
    t.equal(empty.statusCode, 422);
    t.match(empty.body, '取り込むファイルを選んでください');
    t.equal((await c.get('/members/import/..%2F..%2Fsecret')).statusCode, 404);
    const noCsrf = multipart('a.csv', Buffer.from(FILE));
    t.equal(
      (await c.request({ method: 'POST', url: '/members/import', ...noCsrf })).statusCode,
      403,
      'the upload needs the CSRF token',
    );
    const broken = await c.get(
      (await upload(c, 'x.csv', Buffer.from('会員番号,電話\n1,03\n'))).headers.location as string,
    );
    t.equal(broken.statusCode, 200);
    t.match(broken.body, '「氏名」（または「姓」「名」）の列がありません');
    const tpl = await c.get('/members/import/template.csv');
    t.equal(tpl.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    t.match(
      tpl.rawPayload.toString('utf8'),
      '会員番号,氏名,フリガナ,会員種別,郵便番号,住所1,住所2,電話番号,メールアドレス,生年月日,入会日,協力できる分野,備考',
    );
    const viewer = await loggedIn(app, 'viewer');
    t.equal((await viewer.get('/members/import')).statusCode, 403);
  },
);

t.test(
  'the preview shows a new row’s split kana, normalised phone and split address before anything is saved',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const file =
      '氏名,フリガナ,会員種別,郵便番号,住所1,住所2,電話番号\n' +
      '山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,正会員,１６０００２２,東京都新宿区新宿１－２－３,新宿ビル101,０３（１２３４）５６７８\n' +
      '佐藤 花子,さとう はなこ,,,,,\n';
    const url = (await upload(c, 'members.csv', Buffer.from(file))).headers.location as string;
    const body = (await c.get(url)).body;
    const row = /<tr class="import-new">[\s\S]*?<\/tr>/.exec(body)?.[0] ?? '';
    t.match(row, '山田 太郎');
    t.match(row, /<dt>セイ<\/dt><dd class="kana-sei">ヤマダ<\/dd>/, 'the family-name kana, full-width');
    t.match(row, /<dt>メイ<\/dt><dd class="kana-mei">タロウ<\/dd>/, 'the given-name kana');
    t.match(row, /<dd class="phone">03-1234-5678<\/dd>/, 'the phone as it will be saved');
    t.match(row, '<span class="postal">〒160-0022</span>');
    t.match(row, '<span class="prefecture">東京都</span>');
    t.match(row, '<span class="city">新宿区</span>');
    t.match(row, '<span class="street">新宿1-2-3 新宿ビル101</span>');
    t.match(
      body,
      /<label class="check"><input type="checkbox" name="onlyValid" value="1"> [^<]*正しい 1 件だけ取り込む<\/label>/,
    );
    t.equal(await em().count(Member, {}), 0, 'the preview writes nothing');
  },
);

t.test(
  'the 「正しい行だけ取り込む」 checkbox stays on the line of its label (no block rule for checkboxes)',
  async (t) => {
    const css = (await import('node:fs')).readFileSync(new URL('../../views/assets/app.css', import.meta.url), 'utf8');
    const blockRules = css
      .split('}')
      .filter((r) => /display:\s*block/.test(r))
      .map((r) => r.split('{')[0]!);
    for (const selectors of blockRules)
      for (const sel of selectors.split(',').map((s) => s.trim()))
        if (/(^|\s)input(?![\w-])/.test(sel) && /^\.stack|^form|^\.card/.test(sel))
          t.match(sel, /:not\(\[type=checkbox\]\)/, `${sel} leaves checkboxes inline`);
    t.pass('checked every block rule for form inputs');
  },
);
