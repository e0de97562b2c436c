/** The post forms of a page, read from its HTML the way a browser would submit them (no JS). */
export interface HtmlForm {
  action: string;
  fields: { name: string; kind: 'text' | 'fixed'; value: string }[];
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`, 'i')
    .exec(tag)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"') ?? null;
const has = (tag: string, name: string) => new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag);
const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Input types a person types free text into; the others (date, number, email…) keep their value. */
const FREE_TEXT = new Set(['text', 'search', '']);

export function postForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const [, head, body] = m as unknown as [string, string, string];
    if ((attr(head, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields: HtmlForm['fields'] = [];
    for (const t of body.matchAll(/<input\b[^>]*>/gi)) {
      const tag = t[0];
      const name = attr(tag, 'name');
      if (!name || has(tag, 'disabled')) continue;
      const type = (attr(tag, 'type') ?? '').toLowerCase();
      if ((type === 'checkbox' || type === 'radio') && !has(tag, 'checked')) continue;
      if (type === 'file' || type === 'submit' || type === 'button') continue;
      fields.push({ name, kind: FREE_TEXT.has(type) ? 'text' : 'fixed', value: attr(tag, 'value') ?? '' });
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attr(t[1]!, 'name');
      if (name) fields.push({ name, kind: 'text', value: unescapeHtml(t[2]!) });
    }
    for (const t of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(t[1]!, 'name');
      if (!name) continue;
      const options = [...t[2]!.matchAll(/<option\b([^>]*)>([^<]*)/gi)].map((o) => ({
        value: attr(o[1]!, 'value') ?? o[2]!.trim(),
        selected: has(o[1]!, 'selected'),
      }));
      const chosen = options.find((o) => o.selected) ?? options.find((o) => o.value !== '') ?? options[0];
      if (chosen) fields.push({ name, kind: 'fixed', value: chosen.value });
    }
    forms.push({ action: attr(head, 'action') ?? '', fields });
  }
  return forms;
}
