import { createHash } from 'node:crypto';
import type { EntityManager } from '../../db/orm.js';
import { normalizeText } from '../../lib/kana.js';
import type { IMemberSkill } from '../skills/member-skill.entity.js';
import type { IMember } from '../member.entity.js';
import { parseMember, type MemberInput, type RawMember } from '../member.form.js';
import { displayName, searchKeys } from '../member.model.js';
import { mapHeader, rowFields } from './import-columns.js';
import { loadImportContext, type ImportContext } from './import-context.js';
import { memberChanges, rawFromMember, type Change } from './import-diff.js';
import { readCsvTable } from './import-file.js';
import { IMPORT_FIELD_NAMES, IMPORT_TEXT } from './ui-text.js';

export type RowStatus = 'new' | 'update' | 'unchanged' | 'error';

export interface PlannedRow {
  line: number;
  status: RowStatus;
  memberNo: number | null;
  name: string;
  message?: string;
  changes?: Change[];
  input?: MemberInput;
  member?: IMember;
  /** Skill ids the member should have; undefined when the file has no 協力できる分野 column. */
  skillIds?: number[];
  existingSkills?: IMemberSkill[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  fileErrors: string[];
  ignoredColumns: string[];
  encoding: string;
  counts: Record<RowStatus, number>;
  fingerprint: string;
}

/** Checks every row of the file against the database and says what committing would do. Writes nothing. */
export async function planImport(em: EntityManager, buf: Buffer): Promise<ImportPlan> {
  const table = readCsvTable(buf);
  const map = mapHeader(table.header);
  const base = { fileErrors: map.errors, ignoredColumns: map.ignored, encoding: table.encoding };
  if (map.errors.length) return finish({ ...base, rows: [] });
  const fields = table.records.map((r) => ({ line: r.line, f: rowFields(r.cells, map) }));
  const numbers = fields
    .map(({ f }) => normalizeText(f.raw.memberNo ?? ''))
    .filter((n) => /^\d{1,9}$/.test(n))
    .map(Number);
  const ctx = await loadImportContext(em, numbers, map.present.has('skills'));
  const seen = new Map<number, number>();
  const newKeys = new Map<string, { line: number; phones: string[]; birthDate: string | null }[]>();
  const rows = fields.map(({ line, f }) => planRow(line, f, ctx, seen, newKeys));
  // New members without a number get the next free ones, after every number used in the database or the file.
  let next = numbers.reduce((a, b) => Math.max(a, b), ctx.maxMemberNo);
  for (const r of rows) if (r.status === 'new' && r.memberNo === null) r.memberNo = r.input!.memberNo = ++next;
  return finish({ ...base, rows });
}

function planRow(
  line: number,
  f: ReturnType<typeof rowFields>,
  ctx: ImportContext,
  seen: Map<number, number>,
  newKeys: Map<string, { line: number; phones: string[]; birthDate: string | null }[]>,
): PlannedRow {
  const no = normalizeText(f.raw.memberNo ?? '');
  const member = /^\d{1,9}$/.test(no) ? ctx.existing.get(Number(no)) : undefined;
  const raw: Partial<RawMember> = {
    ...(member ? rawFromMember(member) : { kind: 'individual', mailPreference: 'post' }),
    ...f.raw,
  };
  const problems: string[] = [];
  if (f.typeName) {
    const type = ctx.types.get(f.typeName);
    if (type) raw.memberTypeId = String(type.id);
    else problems.push(IMPORT_TEXT.unknownType(f.typeName, ctx.typeNames));
  } else if (!member) problems.push(IMPORT_TEXT.typeRequired(ctx.typeNames));
  const { value, errors } = parseMember(raw);
  delete errors.memberTypeId; // reported above with the known types
  for (const [k, msg] of Object.entries(errors))
    problems.push(IMPORT_FIELD_NAMES[k] ? IMPORT_TEXT.fieldMessage(IMPORT_FIELD_NAMES[k], msg) : msg);
  const unknown = (f.skills ?? []).filter((s) => !ctx.skills.has(s));
  if (unknown.length) problems.push(IMPORT_TEXT.unknownSkills(unknown.join(IMPORT_TEXT.listSeparator), ctx.skillNames));
  if (value.memberNo !== null) {
    const first = seen.get(value.memberNo);
    if (first) problems.push(IMPORT_TEXT.duplicateNo(value.memberNo, first));
    else seen.set(value.memberNo, line);
  }
  const name = displayName(value) || [raw.familyName, raw.givenName].filter(Boolean).join(' ') || raw.orgName || '';
  if (!problems.length && !member) problems.push(...possibleDuplicate(value, line, ctx, newKeys));
  if (problems.length)
    return {
      line,
      status: 'error',
      memberNo: value.memberNo,
      name,
      message: problems.join(IMPORT_TEXT.messageSeparator),
    };
  const skillIds = f.skills?.map((s) => ctx.skills.get(s)!.id);
  if (!member) return { line, status: 'new', memberNo: value.memberNo, name, input: value, skillIds };
  const input = { ...value, joinedOn: value.joinedOn ?? member.joinedOn ?? null };
  const existingSkills = ctx.existingSkills.get(member.id) ?? [];
  const changes = memberChanges(member, input, skillIds, existingSkills, ctx);
  return {
    line,
    status: changes.length ? 'update' : 'unchanged',
    memberNo: member.memberNo,
    name,
    input,
    member,
    changes,
    skillIds,
    existingSkills,
  };
}

/** The same フリガナ with the same phone or birth date as a member (or an earlier new row): most likely the same person. */
function possibleDuplicate(
  v: MemberInput,
  line: number,
  ctx: ImportContext,
  newKeys: Map<string, { line: number; phones: string[]; birthDate: string | null }[]>,
): string[] {
  const { kanaKey, phoneDigits } = searchKeys(v);
  if (!kanaKey) return [];
  const phones = phoneDigits.split(' ').filter(Boolean);
  const same = (e: { phones: string[]; birthDate: string | null }) =>
    (!!v.birthDate && e.birthDate === v.birthDate) || phones.some((p) => e.phones.includes(p));
  const old = (ctx.byKana.get(kanaKey) ?? []).find(same);
  if (old) return [IMPORT_TEXT.maybeMember(old.memberNo)];
  const earlier = (newKeys.get(kanaKey) ?? []).find(same);
  if (earlier) return [IMPORT_TEXT.maybeRow(earlier.line)];
  const list = newKeys.get(kanaKey);
  const entry = { line, phones, birthDate: v.birthDate };
  if (list) list.push(entry);
  else newKeys.set(kanaKey, [entry]);
  return [];
}

function finish(p: Omit<ImportPlan, 'counts' | 'fingerprint'>): ImportPlan {
  const counts: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  const hash = createHash('sha256');
  for (const r of p.rows) {
    counts[r.status]++;
    hash.update(`${r.line}:${r.status}:${r.memberNo}:${r.changes ? JSON.stringify(r.changes) : ''};`);
  }
  hash.update(p.fileErrors.join('|'));
  return { ...p, counts, fingerprint: hash.digest('hex').slice(0, 32) };
}
