import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../db/orm.js';
import { kanaSearchKey, normalizeText } from '../lib/kana.js';
import { Member, type IMember } from './member.entity.js';

export type StatusFilter = 'active' | 'withdrawn' | 'all';
export type SortKey = 'kana' | 'memberNo' | 'joinedOn';

export interface SearchParams {
  q?: string;
  status?: StatusFilter;
  memberTypeId?: number | null;
  sort?: SortKey;
  page?: number;
  perPage?: number;
}

export interface SearchResult { items: IMember[]; total: number; page: number; pages: number; perPage: number }

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
const contains = (s: string) => ({ $like: `%${escapeLike(s)}%` });

/**
 * Quick search as staff type it on the phone: a member number, phone digits in any format,
 * フリガナ (katakana, hiragana or half-width, also partial), kanji name or e-mail.
 */
export function quickSearchFilter(q: string): FilterQuery<IMember> | null {
  const text = normalizeText(q).trim();
  if (!text) return null;
  const or: FilterQuery<IMember>[] = [];
  const digits = text.replace(/[-‐－ー()（）\s+]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length <= 9) or.push({ memberNo: Number(digits) });
    if (digits.length >= 3) or.push({ phoneDigits: contains(digits.replace(/^81/, '0')) });
    return { $or: or };
  }
  const kana = kanaSearchKey(text);
  if (/^[ァ-ヶー]+$/.test(kana)) or.push({ kanaKey: contains(kana) });
  or.push({ nameKey: contains(text.replace(/\s+/g, '')) });
  if (/[A-Za-z0-9@.]/.test(text)) or.push({ email: contains(text.toLowerCase()) });
  return { $or: or };
}

const ORDER: Record<SortKey, Record<string, 'asc' | 'desc'>> = {
  kana: { kanaKey: 'asc', memberNo: 'asc' },
  memberNo: { memberNo: 'asc' },
  joinedOn: { joinedOn: 'desc', memberNo: 'desc' },
};

export async function searchMembers(em: EntityManager, p: SearchParams): Promise<SearchResult> {
  const perPage = Math.min(Math.max(p.perPage ?? 50, 1), 500);
  const where: FilterQuery<IMember>[] = [];
  const status = p.status ?? (p.q ? 'all' : 'active');
  if (status !== 'all') where.push({ status });
  if (p.memberTypeId) where.push({ memberType: p.memberTypeId });
  const quick = p.q ? quickSearchFilter(p.q) : null;
  if (quick) where.push(quick);
  const filter: FilterQuery<IMember> = where.length ? { $and: where } : {};
  const total = await em.count(Member, filter);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(p.page ?? 1, 1), pages);
  const items = await em.find(Member, filter, {
    orderBy: ORDER[p.sort ?? 'kana'],
    limit: perPage,
    offset: (page - 1) * perPage,
    populate: ['memberType'],
  });
  return { items, total, page, pages, perPage };
}
