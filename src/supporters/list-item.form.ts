import type { FormBody } from '../web/forms.js';
import { FormReader, type Parsed } from '../web/form-reader.js';
import { LISTS, type ListItemInput, type ListKind } from './lists.service.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** An entry of the 役割 or 協力できる分野 list; 役職 (officer) only where the list has it. */
export function parseListItem(kind: ListKind, body: FormBody): Parsed<ListItemInput> {
  const f = new FormReader(body);
  const name = f.text('name', 60, SUPPORTERS_TEXT.itemNameRequired(LISTS[kind].noun));
  const sortOrder = f.count('sortOrder', 9999) ?? 0;
  const item: ListItemInput = { name: name!, sortOrder, active: f.raw('active') !== '0' };
  if (LISTS[kind].hasOfficer) item.officer = f.checked('officer');
  return f.result(item);
}
