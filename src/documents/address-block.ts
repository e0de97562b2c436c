/** Lines of a Japanese postal address block (window envelope, address label). Pure. */

export interface AddressTo {
  postalCode?: string | null;
  prefecture?: string | null;
  city?: string | null;
  address1?: string | null;
  address2?: string | null;
  name: string;
  honorific: '様' | '御中';
  contactPerson?: string | null;
  memberNo?: string | null;
}

const clean = (s: string | null | undefined): string => (s ?? '').trim();

/** The parts of an address block: drawers print the names larger than the address. */
export function addressParts(to: AddressTo): { address: string[]; names: string[]; memberNo: string | null } {
  const address: string[] = [];
  const postal = clean(to.postalCode).replace(/^〒\s*/, '');
  if (postal) address.push(`〒${postal}`);
  const street = [to.prefecture, to.city, to.address1].map(clean).join('');
  if (street) address.push(street);
  const building = clean(to.address2);
  if (building) address.push(building);
  const name = clean(to.name);
  const contact = clean(to.contactPerson);
  // A named person gets 様 and the organisation no honorific: 御中 is only for an organisation
  // addressed as a whole, and 御中 and 様 are never used together.
  const names = contact ? [name, `担当 ${contact} 様`] : [`${name} ${to.honorific}`];
  return { address, names, memberNo: clean(to.memberNo) || null };
}

/**
 * ['〒123-4567', '東京都千代田区…1-2-3', 'エニシビル5F', '', '山田 太郎 様'] — a blank line
 * between address and names. The member number, when given, comes last (for returned mail).
 */
export function addressLines(to: AddressTo): string[] {
  const { address, names, memberNo } = addressParts(to);
  const lines = address.length > 0 ? [...address, '', ...names] : [...names];
  if (memberNo) lines.push(`会員番号 ${memberNo}`);
  return lines;
}
