import { dayOf } from '../db/raw-values.js';
import { memberRowsWritten } from '../members/member-changes.js';
import { Writable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { AuditLog } from '../audit/audit-log.entity.js';
import { recordEvent } from '../audit/audit.service.js';
import type { EntityManager } from '../db/orm.js';
import { renderReceipts } from '../documents/receipt.pdf.js';
import { todayInTokyo } from '../lib/dates.js';
import { Member } from '../members/member.entity.js';
import { searchKeys } from '../members/member.model.js';
import { receiptDocs, receiptStyle } from '../receipts/receipt-docs.js';
import { NotFoundError, UserError } from '../web/errors.js';
import { type CsvCell, toExcelCsv } from '../web/download.js';
import { PRIVACY_TEXT } from './ui-text.js';

type Row = Record<string, unknown>;

/**
 * Every table that holds rows about one member: the CSV it is exported as, the entity name its
 * change-log rows carry, and the query (bound parameters: the member id, as often as `?` appears).
 */
const SECTIONS: { file: string; entity: string | null; sql: string }[] = [
  { file: 'member.csv', entity: 'Member', sql: 'select * from member where id = ?' },
  {
    file: 'skills.csv',
    entity: 'MemberSkill',
    sql: 'select ms.*, s.name as skill_name from member_skill ms join skill s on s.id = ms.skill_id where ms.member_id = ? order by ms.id',
  },
  {
    file: 'roles.csv',
    entity: 'MemberRole',
    sql: 'select mr.*, r.name as role_name from member_role mr join supporter_role r on r.id = mr.role_id where mr.member_id = ? order by mr.id',
  },
  {
    file: 'household.csv',
    entity: 'Household',
    sql: 'select * from household where id = (select household_id from member where id = ?)',
  },
  {
    file: 'participations.csv',
    entity: 'Participation',
    sql: 'select p.*, a.title as activity_title from participation p join activity a on a.id = p.activity_id where p.member_id = ? order by p.id',
  },
  { file: 'interactions.csv', entity: 'Interaction', sql: 'select * from interaction where member_id = ? order by id' },
  { file: 'invoices.csv', entity: 'Invoice', sql: 'select * from invoice where member_id = ? order by id' },
  { file: 'payments.csv', entity: 'Payment', sql: 'select * from payment where member_id = ? order by id' },
  {
    file: 'allocations.csv',
    entity: 'Allocation',
    sql: 'select * from allocation where payment_id in (select id from payment where member_id = ?) or invoice_id in (select id from invoice where member_id = ?) order by id',
  },
  { file: 'donations.csv', entity: 'Donation', sql: 'select * from donation where member_id = ? order by id' },
  { file: 'receipts.csv', entity: 'Receipt', sql: 'select * from receipt where member_id = ? order by number' },
  {
    file: 'receipt_items.csv',
    entity: 'ReceiptItem',
    sql: 'select * from receipt_item where receipt_id in (select id from receipt where member_id = ?) order by id',
  },
  {
    file: 'certificates.csv',
    entity: 'DonationCertificate',
    sql: 'select * from donation_certificate where member_id = ? order by number',
  },
  {
    file: 'letters_sent.csv',
    entity: 'ThankLetter',
    sql: 'select * from thank_letter where member_id = ? order by id',
  },
  {
    file: 'mailings_received.csv',
    entity: 'MailingRecipient',
    sql: 'select mr.*, n.title as newsletter_title, m.channel as mailing_channel from mailing_recipient mr join mailing m on m.id = mr.mailing_id join newsletter_issue n on n.id = m.issue_id where mr.member_id = ? order by mr.id',
  },
  {
    file: 'documents_emailed.csv',
    entity: 'MailedDocument',
    sql: 'select * from mailed_document where member_id = ? order by id',
  },
  { file: 'mailing_contact.csv', entity: 'MailingContact', sql: 'select * from mailing_contact where member_id = ?' },
  {
    file: 'bank_lines.csv',
    entity: 'BankTransaction',
    sql: 'select * from bank_transaction where member_id = ? order by id',
  },
  { file: 'payer_aliases.csv', entity: 'PayerAlias', sql: 'select * from payer_alias where member_id = ? order by id' },
  {
    file: 'lapse_proposals.csv',
    entity: 'LapseProposal',
    sql: 'select * from lapse_proposal where member_id = ? order by id',
  },
];

async function sectionRows(em: EntityManager, sql: string, memberId: number): Promise<Row[]> {
  const params = [...sql.matchAll(/\?/g)].map(() => memberId);
  return em.execute<Row[]>(sql, params);
}

async function memberRow(em: EntityManager, memberId: number): Promise<Row> {
  const [m] = await em.execute<Row[]>('select * from member where id = ?', [memberId]);
  if (!m) throw new NotFoundError();
  return m;
}

/** Entity name → ids of every row about the member (the change log is keyed by these). */
async function rowsAbout(em: EntityManager, memberId: number): Promise<Map<string, { file: string; rows: Row[] }>> {
  const out = new Map<string, { file: string; rows: Row[] }>();
  for (const s of SECTIONS) out.set(s.entity ?? s.file, { file: s.file, rows: await sectionRows(em, s.sql, memberId) });
  return out;
}

async function auditRowsAbout(em: EntityManager, about: Map<string, { rows: Row[] }>) {
  const logs = [];
  for (const [entity, { rows }] of about) {
    const ids = rows.map((r) => String(r.id));
    for (let i = 0; i < ids.length; i += 500) {
      logs.push(...(await em.find(AuditLog, { entityName: entity, entityId: { $in: ids.slice(i, i + 500) } })));
    }
  }
  return logs.sort((a, b) => a.id - b.id);
}

function cell(v: unknown): CsvCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function csvOf(rows: Row[]): string {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return toExcelCsv(
    header,
    rows.map((r) => header.map((h) => cell(r[h]))),
  );
}

async function pdfBytes(render: (out: NodeJS.WritableStream) => Promise<void>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await render(sink);
  return new Uint8Array(Buffer.concat(chunks));
}

export interface PersonalExport {
  memberNo: number;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Everything held on one member as one ZIP: a CSV per table (UTF-8 with BOM), the change-log
 * rows about those records, and the member's receipts as one PDF (drawn as on a reissue, so the
 * copy is marked). The export itself is recorded in the change log.
 */
export async function exportPersonalData(
  em: EntityManager,
  memberId: number,
  dataDir: string,
): Promise<PersonalExport> {
  const member = await memberRow(em, memberId);
  const about = await rowsAbout(em, memberId);
  const files: Record<string, Uint8Array> = {};
  for (const { file, rows } of about.values()) files[file] = strToU8(csvOf(rows));
  const logs = await auditRowsAbout(em, about);
  files['audit_log.csv'] = strToU8(
    csvOf(
      logs.map((l) => ({
        id: l.id,
        at: l.at,
        actor_name: l.actorName,
        entity_name: l.entityName,
        entity_id: l.entityId,
        action: l.action,
        changes: l.changes,
      })),
    ),
  );
  const receiptIds = (about.get('Receipt')?.rows ?? []).map((r) => Number(r.id));
  if (receiptIds.length > 0) {
    const style = await receiptStyle(em, dataDir);
    files['receipts.pdf'] = await pdfBytes((out) =>
      renderReceipts(receiptDocs(em, receiptIds, { reissue: true }), style, out),
    );
  }
  const memberNo = Number(member.member_no);
  await recordEvent(em, { entityName: 'Member', entityId: memberId, action: 'export_personal_data' });
  return { memberNo, fileName: PRIVACY_TEXT.exportFileName(memberNo), bytes: zipSync(files) };
}

/** Member fields that identify a person: all cleared on erasure (the name becomes 「削除済み会員 No.N」). */
const MEMBER_PERSONAL = [
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'orgName',
  'orgKana',
  'contactPerson',
  'contactKana',
  'postalCode',
  'prefecture',
  'city',
  'address1',
  'address2',
  'phone',
  'mobile',
  'email',
  'birthDate',
  'notes',
  'householdId',
  'householdRelation',
  'withdrawalReason',
] as const;

/** Field names (camelCase, as the change log writes them) whose values are personal in any entity. */
const PERSONAL_FIELDS = new Set<string>([
  ...MEMBER_PERSONAL,
  'summary',
  'content',
  'gift',
  'followUp',
  'note',
  'donorName',
  'donorAddress',
  'donorPostalCode',
  'payerName',
  'address',
  'payer',
  'payerKey',
  'memo',
  'toEmail',
  'subject',
  'bouncedEmail',
  'bounceReason',
  'optOutReason',
  'snapshot',
  'labelName',
  'lines',
]);

/** The personal strings of the member row, to find them anywhere in old change-log values. */
function needlesOf(m: Row): string[] {
  const keys = [
    'family_name',
    'given_name',
    'family_kana',
    'given_kana',
    'org_name',
    'org_kana',
    'contact_person',
    'contact_kana',
    'address1',
    'address2',
    'phone',
    'mobile',
    'email',
    'name_key',
    'kana_key',
  ];
  const out = keys.map((k) => m[k]).filter((v): v is string => typeof v === 'string' && v.trim().length >= 2);
  const full = [m.family_name, m.given_name].filter(Boolean).join(' ');
  if (full.length >= 2) out.push(full);
  return [...new Set(out)];
}

function scrub(v: unknown, needles: string[]): unknown {
  if (typeof v === 'string') return needles.some((n) => v.includes(n)) ? PRIVACY_TEXT.erasedValue : v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, needles));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x, needles)]));
  return v;
}

/** An old change-log row about the member with its personal values replaced; the same object when nothing changed. */
export function anonymisedChanges(
  changes: Record<string, [unknown, unknown]>,
  needles: string[],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [field, pair] of Object.entries(changes ?? {})) {
    out[field] = PERSONAL_FIELDS.has(field)
      ? (pair.map((v) => (v === null || v === undefined || v === '' ? v : PRIVACY_TEXT.erasedValue)) as [
          unknown,
          unknown,
        ])
      : (scrub(pair, needles) as [unknown, unknown]);
  }
  return out;
}

export interface ErasureResult {
  memberId: number;
  memberNo: number;
  auditRowsAnonymised: number;
}

/**
 * Erases one member's personal information on request (個人情報保護法), in one transaction:
 * the member row's personal fields are cleared and the name becomes 「削除済み会員 No.N」, the
 * member is withdrawn; free text about them (interactions, notes, payer names on receipts,
 * certificates, donations and bank lines, mailing snapshots and e-mail addresses) is cleared;
 * payer aliases are deleted; old change-log rows about these records have their personal values
 * replaced. Amounts, receipt and invoice numbers, dates and totals stay as they were.
 * The erasure is logged with who and when, without the erased values.
 */
export async function erasePersonalData(
  em: EntityManager,
  memberId: number,
  confirmNo: string,
): Promise<ErasureResult> {
  return em.transactional(async (tx) => {
    const m = await memberRow(tx, memberId);
    const memberNo = Number(m.member_no);
    if (confirmNo.trim() !== String(memberNo))
      throw new UserError(PRIVACY_TEXT.confirmMismatch, 422, { confirmNo: PRIVACY_TEXT.confirmMismatch });
    if (m.family_name === PRIVACY_TEXT.erasedFamilyName && m.given_name === PRIVACY_TEXT.erasedGivenName(memberNo))
      throw new UserError(PRIVACY_TEXT.alreadyErased, 422);
    const needles = needlesOf(m);
    const about = await rowsAbout(tx, memberId);
    const logs = await auditRowsAbout(tx, about);

    const name = { familyName: PRIVACY_TEXT.erasedFamilyName, givenName: PRIVACY_TEXT.erasedGivenName(memberNo) };
    const cleared = Object.fromEntries(MEMBER_PERSONAL.map((k) => [k, null]));
    const kind = String(m.kind) as 'individual' | 'organization';
    const orgName = kind === 'organization' ? `${name.familyName} ${name.givenName}` : null;
    await tx.nativeUpdate(
      Member,
      { id: memberId },
      {
        ...cleared,
        ...(kind === 'organization' ? { orgName } : name),
        ...searchKeys({ kind, ...cleared, ...(kind === 'organization' ? { orgName } : name) } as never),
        status: 'withdrawn',
        withdrawnOn: m.status === 'withdrawn' && m.withdrawn_on ? dayOf(m.withdrawn_on) : todayInTokyo(),
        withdrawalReason: PRIVACY_TEXT.erasedReason,
        mailPreference: 'none',
        addressUnknown: false,
        addressUnknownOn: null,
        updatedAt: new Date(),
      },
    );
    memberRowsWritten(tx); // a native update: the search index must forget the old name
    const erasedName = `${name.familyName} ${name.givenName}`;
    const run = (sql: string, params: unknown[]) => tx.execute(sql, params, 'run');
    await run('update member_skill set note = null where member_id = ?', [memberId]);
    await run('update member_role set note = null where member_id = ?', [memberId]);
    await run('update participation set note = null where member_id = ?', [memberId]);
    await run('update interaction set summary = ?, content = null, gift = null, follow_up = null where member_id = ?', [
      PRIVACY_TEXT.erasedValue,
      memberId,
    ]);
    await run('update payment set note = null where member_id = ?', [memberId]);
    await run('update donation set donor_name = null, donor_address = null, note = null where member_id = ?', [
      memberId,
    ]);
    await run('update receipt set payer_name = ?, postal_code = null, address = null where member_id = ?', [
      erasedName,
      memberId,
    ]);
    await run(
      'update donation_certificate set donor_name = ?, donor_postal_code = null, donor_address = ? where member_id = ?',
      [erasedName, '', memberId],
    );
    await run('update mailing_recipient set snapshot = ? where member_id = ?', [JSON.stringify({}), memberId]);
    await run('update mailed_document set to_email = ? where member_id = ?', ['', memberId]);
    await run(
      'update mailing_contact set bounced_email = null, bounce_reason = null, opt_out_reason = null where member_id = ?',
      [memberId],
    );
    // The fingerprint holds the payer's kana in clear: replaced by a per-line key (a re-import of
    // that very statement would show the line again for review instead of skipping it).
    for (const line of about.get('BankTransaction')?.rows ?? [])
      await run(
        'update bank_transaction set payer = ?, payer_key = ?, fingerprint = ?, memo = null, note = null, suggestions = null where id = ?',
        [PRIVACY_TEXT.erasedValue, '', `erased|${line.id}`, line.id],
      );
    if (m.household_id !== null && m.household_id !== undefined)
      await run('update household set label_name = null where id = ?', [m.household_id]);
    await run('delete from payer_alias where member_id = ?', [memberId]);

    let auditRowsAnonymised = 0;
    for (const log of logs) {
      const changes = anonymisedChanges(log.changes, needles);
      if (JSON.stringify(changes) === JSON.stringify(log.changes) && log.summary === null) continue;
      await tx.nativeUpdate(AuditLog, { id: log.id }, { changes, summary: null });
      auditRowsAnonymised++;
    }
    await recordEvent(tx, {
      entityName: 'Member',
      entityId: memberId,
      action: 'erase_personal_data',
      changes: m.status === 'withdrawn' ? {} : { status: ['active', 'withdrawn'] },
    });
    return { memberId, memberNo, auditRowsAnonymised };
  });
}
