import { field, type FormBody } from './forms.js';

/** Where a small action returns to: a local path from the form's `back` field, else the fallback (never another site). */
export function backUrl(body: FormBody, fallback: string): string {
  const back = field(body, 'back');
  return back.startsWith('/') && !back.startsWith('//') && !back.includes('\\') ? back : fallback;
}
