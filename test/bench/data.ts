import type { EntityManager } from '../../src/db/orm.js';
import { MemberType } from '../../src/members/member-type.entity.js';
import { searchKeys } from '../../src/members/member.model.js';

/** Deterministic pseudo-random numbers so every run benchmarks the same data. */
export function rng(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const FAMILY = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['山下', 'ヤマシタ'],
  ['中島', 'ナカジマ'],
  ['石井', 'イシイ'],
  ['小川', 'オガワ'],
] as const;
export const GIVEN = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['美咲', 'ミサキ'],
  ['健', 'ケン'],
  ['陽子', 'ヨウコ'],
  ['翔太', 'ショウタ'],
  ['さくら', 'サクラ'],
  ['大輔', 'ダイスケ'],
  ['由美', 'ユミ'],
  ['誠', 'マコト'],
  ['恵', 'メグミ'],
  ['拓也', 'タクヤ'],
  ['真由美', 'マユミ'],
  ['浩', 'ヒロシ'],
  ['直子', 'ナオコ'],
] as const;

/** Inserts n members straight into the table (fast path for benchmarks only: no audit rows). */
export async function insertMembers(em: EntityManager, n: number, seed = 42): Promise<void> {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const type = await em.findOneOrFail(MemberType, { name: '正会員' });
  const knex = em.getKnex();
  const now = new Date();
  const rows = [];
  for (let i = 1; i <= n; i++) {
    const [familyName, familyKana] = pick(FAMILY);
    const [givenName, givenKana] = pick(GIVEN);
    const phone = `0${3 + Math.floor(rand() * 6)}-${String(1000 + Math.floor(rand() * 9000))}-${String(1000 + Math.floor(rand() * 9000))}`;
    const mobile =
      rand() < 0.6
        ? `090-${String(1000 + Math.floor(rand() * 9000))}-${String(1000 + Math.floor(rand() * 9000))}`
        : null;
    const m = {
      kind: 'individual' as const,
      familyName,
      givenName,
      familyKana,
      givenKana,
      orgName: null,
      orgKana: null,
      contactPerson: null,
      phone,
      mobile,
    };
    const keys = searchKeys(m);
    rows.push({
      member_no: i,
      kind: 'individual',
      family_name: familyName,
      given_name: givenName,
      family_kana: familyKana,
      given_kana: givenKana,
      kana_key: keys.kanaKey,
      name_key: keys.nameKey,
      phone_digits: keys.phoneDigits,
      phone,
      mobile,
      postal_code: '160-0022',
      prefecture: '東京都',
      city: '新宿区',
      address1: `新宿${(i % 9) + 1}-${(i % 30) + 1}`,
      status: 'active',
      member_type_id: type.id,
      mail_preference: 'post',
      address_unknown: false,
      joined_on: '2020-04-01',
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await knex.insert(rows.slice(i, i + 500)).into('member');
}
