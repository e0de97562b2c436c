import type { EntityManager } from '../../src/db/orm.js';
import { seedDefaults } from '../../src/seed.js';

/** A member row for segment and label tests, written straight to the table (short keys, sensible defaults). */
export interface MemberSeed {
  no: number;
  family?: string;
  given?: string;
  kind?: 'individual' | 'organization';
  org?: string;
  contact?: string;
  type?: string;
  status?: 'active' | 'withdrawn';
  postal?: string | null;
  pref?: string;
  city?: string;
  address1?: string | null;
  address2?: string;
  email?: string | null;
  birth?: string;
  joined?: string;
  mail?: 'post' | 'email' | 'none';
  unknown?: boolean;
  household?: number;
  relation?: string;
}

const now = () => new Date();

/** Inserts the members (seeding the default types first); returns member number → id. */
export async function insertSeeds(em: EntityManager, seeds: MemberSeed[]): Promise<Map<number, number>> {
  await seedDefaults(em.fork());
  const knex = em.getKnex();
  const types = new Map<string, number>(
    (await knex('member_type').select('id', 'name')).map((r: { id: number; name: string }) => [r.name, Number(r.id)]),
  );
  const rows = seeds.map((s) => ({
    member_no: s.no,
    kind: s.kind ?? 'individual',
    family_name: s.kind === 'organization' ? null : (s.family ?? '山田'),
    given_name: s.kind === 'organization' ? null : (s.given ?? `${s.no}郎`),
    org_name: s.org ?? null,
    contact_person: s.contact ?? null,
    kana_key: '',
    name_key: '',
    phone_digits: '',
    member_type_id: types.get(s.type ?? '正会員')!,
    status: s.status ?? 'active',
    withdrawn_on: s.status === 'withdrawn' ? '2025-03-31' : null,
    postal_code: s.postal === undefined ? '160-0022' : s.postal,
    prefecture: s.pref ?? '東京都',
    city: s.city ?? '新宿区',
    address1: s.address1 === undefined ? `新宿1-${s.no}` : s.address1,
    address2: s.address2 ?? null,
    email: s.email === undefined ? null : s.email,
    birth_date: s.birth ?? null,
    joined_on: s.joined ?? '2020-04-01',
    mail_preference: s.mail ?? 'post',
    address_unknown: s.unknown ?? false,
    household_id: s.household ?? null,
    household_relation: s.relation ?? null,
    created_at: now(),
    updated_at: now(),
  }));
  for (let i = 0; i < rows.length; i += 200) await knex.insert(rows.slice(i, i + 200)).into('member');
  const out = new Map<number, number>();
  for (const r of await knex('member').select('id', 'member_no')) out.set(Number(r.member_no), Number(r.id));
  return out;
}

/** Inserts one row with timestamps and returns its id. */
export async function insertRow(em: EntityManager, table: string, row: Record<string, unknown>): Promise<number> {
  const knex = em.getKnex();
  const [res] = await knex(table)
    .insert({ ...row, created_at: now(), updated_at: now() })
    .returning('id');
  return Number(typeof res === 'object' ? (res as { id: number }).id : res);
}

export function invoiceRow(memberId: number, fiscalYear: number, status: string, n: number) {
  return {
    invoice_no: `T-${fiscalYear}-${n}`,
    member_id: memberId,
    fiscal_year: fiscalYear,
    kind: 'annual',
    member_type_name: '正会員',
    description: '年会費',
    amount: 3000,
    paid_amount: status === 'paid' ? 3000 : 0,
    issued_on: `${fiscalYear}-04-01`,
    due_on: `${fiscalYear}-05-01`,
    status,
    voided: false,
    reminder_count: 0,
  };
}
