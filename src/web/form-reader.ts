import { parseDate } from '../lib/dates.js';
import { normalizeText } from '../lib/kana.js';
import { UserError } from './errors.js';
import { field, type FormBody } from './forms.js';
import { FORM_TEXT } from './ui-text.js';

export type FieldErrors = Record<string, string>;

/** What a form parser returns: the typed value, or the field errors to show. */
export type Parsed<T> = { value: T } | { errors: FieldErrors };

/** The parsed value, or one 422 with every field error (what the routes' form re-render catches). */
export function formValue<T>(parsed: Parsed<T>): T {
  if ('errors' in parsed) throw new UserError(FORM_TEXT.checkInput, 422, parsed.errors);
  return parsed.value;
}

/** Collects field errors while a `*.form.ts` parser reads a form; `result()` hands back value or errors. */
export class FormReader {
  errors: FieldErrors = {};
  constructor(private body: FormBody) {}

  raw(key: string): string {
    return field(this.body, key);
  }

  /** Normalised one-line text (full-width ASCII → ASCII, spaces unified), null when blank. */
  text(key: string, max: number, required?: string): string | null {
    const v = normalizeText(this.raw(key));
    if (!v && required) this.errors[key] = required;
    if (v.length > max) this.errors[key] = `${max}文字以内で入力してください`;
    return v || null;
  }

  /** Multi-line text kept as typed (line breaks unified), null when blank. */
  longText(key: string, max = 4000): string | null {
    const v = this.raw(key).replace(/\r\n/g, '\n').trim();
    if (v.length > max) this.errors[key] = `${max}文字以内で入力してください`;
    return v || null;
  }

  date(key: string, required?: string): string | null {
    const s = this.raw(key).trim();
    if (!s) {
      if (required) this.errors[key] = required;
      return null;
    }
    const d = parseDate(s);
    if (!d) this.errors[key] = FORM_TEXT.dateFormat;
    return d;
  }

  /** 'HH:MM' (also 9:05, ９：０５, 1430), null when blank. */
  time(key: string): string | null {
    const s = this.raw(key).normalize('NFKC').trim();
    if (!s) return null;
    const m = /^(\d{1,2})[:時]?(\d{2})分?$/.exec(s);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      this.errors[key] = FORM_TEXT.timeFormat;
      return null;
    }
    return `${m[1]!.padStart(2, '0')}:${m[2]}`;
  }

  /** A non-negative whole number, null when blank. */
  count(key: string, max = 100000): number | null {
    const s = this.raw(key).normalize('NFKC').trim();
    if (!s) return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > max) this.errors[key] = '0以上の整数で入力してください';
    return Number.isInteger(n) ? n : null;
  }

  id(key: string, message: string): number {
    const n = Number(this.raw(key));
    if (!Number.isSafeInteger(n) || n <= 0) this.errors[key] = message;
    return n;
  }

  checked(key: string): boolean {
    return ['1', 'on', 'true'].includes(this.raw(key));
  }

  /** The value when no field had an error, else the errors. */
  result<T>(value: T): Parsed<T> {
    return Object.keys(this.errors).length ? { errors: this.errors } : { value };
  }
}
