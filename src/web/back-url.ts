import { field, type FormBody } from './forms.js';

const DUMMY_ORIGIN = 'http://enishi.invalid';

/**
 * A path on this site, or null. Browsers drop tabs and newlines and read `\` as `/`, so
 * `/\t/evil.example` would become `//evil.example`: refuse any control or space character
 * and any backslash, then let URL decide that the origin did not change.
 */
export function localPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u0020\u007f-\u00a0\\\u2028\u2029\u3000\ufeff]/.test(value)) return null;
  try {
    const url = new URL(value, DUMMY_ORIGIN);
    if (url.origin !== DUMMY_ORIGIN) return null;
    return url.pathname.startsWith('//') ? null : url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** Where a small action returns to: a local path from the form's `back` field, else the fallback (never another site). */
export function backUrl(body: FormBody, fallback: string): string {
  return localPath(field(body, 'back')) ?? fallback;
}

/** Where login sends staff next: only same-site paths, so a crafted login link cannot send them elsewhere. */
export function safeNext(next: unknown): string {
  return localPath(next) ?? '/dashboard';
}

/**
 * Where an error page's 「前のページに戻る」 goes: the Referer's path when it is a page of this
 * same site (same host as the request), else the dashboard. A real link, since the CSP forbids
 * inline script such as history.back().
 */
export function refererBack(referer: unknown, host: unknown): string {
  if (typeof referer !== 'string' || typeof host !== 'string' || host === '') return '/dashboard';
  try {
    const url = new URL(referer);
    const own = new URL(`${url.protocol}//${host}`).host; // drops a default port as the Referer does
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host !== own) return '/dashboard';
    return safeNext(url.pathname + url.search);
  } catch {
    return '/dashboard';
  }
}
