/** Recipients → address labels: one per person, or one per household in 連名; in 郵便番号 order. Pure. */
import { addressParts } from '../documents/address-block.js';
import { customerBarcodeData } from '../documents/address-number.js';
import { displayNameOfRow } from '../members/member.model.js';
import { householdOrder, jointNameLines } from '../supporters/joint-name.js';
import type { RecipientRow } from './segments.service.js';
import { MAIL_TEXT } from './ui-text.js';

export interface LabelEntry {
  /** The addressee's number (the first of a household); memberNos lists everyone on the label. */
  memberNo: number;
  memberNos: number[];
  postalCode: string;
  /** Street (都道府県 市区町村 町域 番地) and building lines. */
  address: string[];
  names: string[];
  /** Text for the カスタマバーコード (postal digits + address number), null when the code is not 7 digits. */
  barcode: string | null;
}

export interface HouseholdInfo {
  sharesAddress: boolean;
  labelName: string | null;
}

const part = (m: RecipientRow) => ({
  memberNo: m.memberNo,
  kind: m.kind,
  familyName: m.familyName,
  givenName: m.givenName,
  orgName: m.orgName,
  householdRelation: m.householdRelation,
});

function entryFor(addressee: RecipientRow, members: RecipientRow[], names: string[] | null): LabelEntry {
  const isOrg = addressee.kind === 'organization';
  const name = displayNameOfRow({
    kind: addressee.kind,
    family_name: addressee.familyName,
    given_name: addressee.givenName,
    org_name: addressee.orgName,
  });
  const parts = addressParts({
    postalCode: addressee.postalCode,
    prefecture: addressee.prefecture,
    city: addressee.city,
    address1: addressee.address1,
    address2: addressee.address2,
    name,
    honorific: isOrg ? MAIL_TEXT.honorific.organization : MAIL_TEXT.honorific.person,
    contactPerson: isOrg ? addressee.contactPerson : null,
  });
  const postalCode = addressee.postalCode ?? '';
  const streetAndBuilding = [addressee.address1, addressee.address2].filter(Boolean).join(' ');
  return {
    memberNo: addressee.memberNo,
    memberNos: members.map((m) => m.memberNo),
    postalCode,
    address: parts.address.filter((l) => !l.startsWith(MAIL_TEXT.postalMark)),
    names: names ?? parts.names,
    barcode: customerBarcodeData(postalCode, streetAndBuilding),
  };
}

/**
 * With `joint`, recipients of a household that shares its address become one label addressed to
 * the first of them in household order (世帯主, 配偶者, …), named in 連名 with 様 after every
 * name, or by the household's own label name.
 */
export function labelEntries(
  rows: RecipientRow[],
  households: Map<number, HouseholdInfo>,
  joint: boolean,
): LabelEntry[] {
  const out: LabelEntry[] = [];
  const groups = new Map<number, RecipientRow[]>();
  for (const m of rows) {
    const h = joint && m.householdId ? households.get(m.householdId) : undefined;
    if (!h?.sharesAddress) out.push(entryFor(m, [m], null));
    else groups.set(m.householdId!, [...(groups.get(m.householdId!) ?? []), m]);
  }
  for (const [id, members] of groups) {
    const ordered = householdOrder(members.map(part)).map((p) => members.find((m) => m.memberNo === p.memberNo)!);
    const label = households.get(id)!.labelName?.trim();
    const names = members.length === 1 && !label ? null : label ? [label] : jointNameLines(ordered.map(part));
    out.push(entryFor(ordered[0]!, ordered, names));
  }
  return sortByPostalCode(out);
}

/** 郵便番号 order (what 区分郵便物 needs and offices expect), then 会員番号. */
export function sortByPostalCode<T extends { postalCode: string; memberNo: number }>(entries: T[]): T[] {
  const key = (e: T) => e.postalCode.replace(/\D/g, '').padEnd(7, '9');
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.memberNo - b.memberNo));
}
