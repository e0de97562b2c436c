import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { seedDefaults } from '../../src/seed.js';
import { office } from '../banking/fixtures.js';
import { build, type Client, loggedIn } from '../helper.js';
import { postForms } from './html-forms.js';

/**
 * Every main form, posted as a browser would (its own fields read from the page) with hostile
 * values: never a 500, never the raw markup back on a page, and PDFs with the value still render.
 */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const PAYLOADS: Record<string, string> = {
  html: `${SCRIPT}${IMG}`,
  template: `<%= process.exit() %>\${process.exit()}{{process.exit()}}`,
  sql: "'; drop table member; --",
  control: 'a\u0000b\u0007c\u001b[31md',
  long: 'あ'.repeat(3000),
};
/** How each saved payload looks on a page: escaped (the apostrophe may stay as it is). */
const ESCAPED: Record<string, string[]> = {
  html: ['&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'],
  template: [`&lt;%= process.exit() %&gt;\${process.exit()}{{process.exit()}}`],
  sql: ['&#39;; drop table member; --', "'; drop table member; --"],
  long: ['あ'.repeat(3000)],
};
const RAW = [SCRIPT, '<img src=x onerror'];

interface FormCase {
  name: string;
  page: (ids: Ids) => string;
  /** Free-text fields that take any text: they get the payload when the form should be saved. */
  stored: string[];
  /** Valid values for the other fields a save needs. */
  valid?: Record<string, string>;
  /** Pages that show the saved value, besides the one the form redirects to. */
  shows?: (ids: Ids) => string[];
  pick?: (action: string) => boolean;
  /** Payload kinds this form refuses with a message instead of saving (template syntax in a template). */
  refuses?: string[];
  /** Payload kinds this form saves although the others refuse them (a long letter text). */
  takes?: string[];
}
interface Ids {
  member: number;
  loginSuffix: string;
}

const FORMS: FormCase[] = [
  {
    name: 'member new',
    page: () => '/members/new',
    stored: ['familyName', 'givenName', 'address2', 'notes'],
    valid: { familyKana: 'テスト', givenKana: 'タロウ' },
    shows: () => ['/members?q=' + encodeURIComponent('テスト')],
  },
  {
    name: 'member edit',
    page: (i) => `/members/${i.member}/edit`,
    stored: ['givenName', 'address2', 'notes'],
    shows: (i) => [`/members/${i.member}`, '/members'],
  },
  {
    name: 'interaction',
    page: (i) => `/members/${i.member}/interactions/new`,
    stored: ['summary', 'content', 'followUp', 'gift'],
    valid: { followUpDue: '', giftThankedOn: '' },
    shows: (i) => [`/members/${i.member}`, '/supporters'],
  },
  {
    name: 'donation',
    page: () => '/dues/donations/new',
    stored: ['donorName', 'donorAddress', 'purpose', 'note'],
    valid: { amount: '3000', memberNo: '' },
    shows: () => ['/dues/donations'],
  },
  {
    name: 'payment',
    page: (i) => `/members/${i.member}/payments/new`,
    stored: ['donationPurpose', 'note'],
    valid: { amount: '5000', fee: '0', remainderKind: 'donation', confirmDuplicate: '1' },
    shows: (i) => [`/members/${i.member}`],
  },
  {
    name: 'settings',
    page: () => '/settings',
    stored: ['orgName', 'representative', 'orgAddress'],
    shows: () => ['/settings', '/'],
    pick: (a) => a === '/settings',
  },
  {
    name: 'segment',
    page: () => '/mailings/segments/new',
    stored: ['name', 'note'],
    shows: () => ['/mailings/segments'],
  },
  {
    name: 'newsletter',
    page: () => '/mailings/newsletters/new',
    stored: ['title', 'body'],
    valid: { number: '1' },
    shows: () => ['/mailings/newsletters'],
  },
  {
    name: 'template editor',
    page: () => '/letters/templates/invoice/greeting',
    stored: ['text'],
    pick: (a) => a === '/letters/templates/invoice/greeting',
    refuses: ['template'],
    takes: ['long'],
  },
  {
    name: 'staff',
    page: () => '/staff',
    stored: ['displayName'],
    valid: { password: 'a-long-enough-password-1', role: 'staff' },
    shows: () => ['/staff'],
    pick: (a) => a === '/staff',
  },
];

function noRawMarkup(t: Test, body: string, label: string) {
  for (const raw of RAW) t.notOk(body.includes(raw), `${label}: no raw ${raw.slice(0, 12)}…`);
}

async function formOf(c: Client, f: FormCase, ids: Ids) {
  const page = await c.get(f.page(ids));
  const forms = postForms(page.body).filter((x) => x.action !== '/logout' && (!f.pick || f.pick(x.action)));
  const form = forms.sort((a, b) => b.fields.length - a.fields.length)[0];
  if (!form) throw new Error(`no form on ${f.page(ids)}`);
  return form;
}

let logins = 0;
async function submit(c: Client, f: FormCase, ids: Ids, fill: (name: string, kind: string, value: string) => string) {
  const form = await formOf(c, f, ids);
  const body: Record<string, string[]> = {};
  for (const x of form.fields) {
    if (x.name === '_csrf') continue;
    let v = fill(x.name, x.kind, x.value);
    if (f.valid && x.name in f.valid && !f.stored.includes(x.name)) v = f.valid[x.name]!;
    if (x.name === 'loginId') v = `hostile${++logins}`;
    body[x.name] = [...(body[x.name] ?? []), v];
  }
  for (const [k, v] of Object.entries(f.valid ?? {})) body[k] ??= [v];
  return { res: await c.post(form.action, body), action: form.action };
}

async function setup(t: Test) {
  const ctx = await build(t);
  await seedDefaults(ctx.em());
  const o = await office(ctx.em);
  const c = await loggedIn(ctx.app, 'admin');
  return { ...ctx, o, c, ids: { member: o.yamada.id, loginSuffix: '' } };
}

for (const f of FORMS) {
  t.test(`the ${f.name} form: hostile values in every text field never give a 500 or raw markup`, async (t) => {
    const { c, ids } = await setup(t);
    let n = 0;
    for (const [kind, payload] of Object.entries(PAYLOADS)) {
      ids.loginSuffix = String(n++);
      // Every free-text field at once: usually refused (dates, kana…), the form shown again.
      const all = await submit(c, f, ids, (_name, k, v) => (k === 'text' ? payload : v));
      t.ok(all.res.statusCode < 500, `${kind} in every field: ${all.res.statusCode}`);
      noRawMarkup(t, all.res.body, `${kind} in every field`);
      // Only the fields that take any text: saved (or refused with a message), then shown escaped.
      const some = await submit(c, f, ids, (name, _k, v) => (f.stored.includes(name) ? payload : v));
      const status = some.res.statusCode;
      t.ok(status < 500, `${kind} in ${f.stored.join(', ')}: ${status}`);
      noRawMarkup(t, some.res.body, `${kind} saved`);
      const why = [...some.res.body.matchAll(/role="alert">([\s\S]*?)<\/div>/g)].map((m) =>
        m[1]!.replace(/<[^>]+>/g, ' '),
      );
      if ((kind === 'control' || kind === 'long' || f.refuses?.includes(kind)) && !f.takes?.includes(kind)) {
        t.equal(status, 422, `${kind}: refused with a message`);
        const expected =
          kind === 'control' ? /使えない制御文字/ : kind === 'long' ? /文字以内|文字まで|長すぎ/ : /使える/;
        t.match(kind === 'control' ? some.res.body : why.join(' '), expected, `${kind}: ${why.join(' ')}`);
        continue;
      }
      t.equal(status, 303, `${kind}: saved (${why.join(' ')})`);
      const pages = [String(some.res.headers.location), ...(f.shows?.(ids) ?? [])];
      let escaped = false;
      for (const url of pages) {
        const res = await c.get(url);
        t.ok(res.statusCode < 500, `${kind}: ${url} answers ${res.statusCode}`);
        noRawMarkup(t, res.body, `${kind}: ${url}`);
        if (ESCAPED[kind]!.some((e) => res.body.includes(e))) escaped = true;
      }
      t.ok(escaped, `${kind}: the value is shown, escaped, on ${pages.join(' ')}`);
    }
  });
}

const pdfText = (bytes: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-hostile-pdf-'));
  try {
    writeFileSync(join(dir, 'x.pdf'), bytes);
    return execFileSync('pdftotext', [join(dir, 'x.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

t.test('PDFs with hostile values still render: an invoice for such a member and a template preview', async (t) => {
  const { c, em, o } = await setup(t);
  const edit = await submit(c, FORMS[1]!, { member: o.yamada.id, loginSuffix: '' }, (name, _k, v) =>
    name === 'givenName' ? `${SCRIPT}'; drop table member; --` : name === 'address2' ? '<%= process.exit() %>' : v,
  );
  t.equal(edit.res.statusCode, 303);
  const inv = await em().findOneOrFail(Invoice, { member: o.yamada.id });
  const pdf = await c.get(`/dues/invoices/${inv.id}/invoice.pdf`);
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdf.rawPayload);
  t.match(text, '山田', 'the invoice names the member');
  await c.get('/letters/templates/invoice/greeting');
  const preview = await c.post('/letters/templates/invoice/greeting/preview', {
    text: `${SCRIPT}\${process.exit()}{{process.exit()}}'; drop table member; --`,
    memberNo: String(o.yamada.memberNo ?? ''),
  });
  t.equal(preview.statusCode, 200, preview.body.slice(0, 200));
  const previewText = pdfText(preview.rawPayload);
  t.match(previewText, `<script>alert(1)</script>\${process.exit()}`, 'the template text is printed as text');
  t.match(previewText, 'droptablemember', 'SQL metacharacters are printed as text');
});
