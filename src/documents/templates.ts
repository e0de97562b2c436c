/**
 * The words of printed documents: Eta files under templates/ (shipped defaults), overridden per
 * organisation by `<dataDir>/templates/<name>.eta`. Output is plain text for PDF (no HTML
 * escaping); each line is one paragraph.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { UserError } from '../web/errors.js';
import { allTemplateDefs, templateDef, type TemplateDef } from './template-catalog.js';

export const SHIPPED_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A UserError (422): staff see the message on the page or the CLI prints it as one line. */
export class TemplateError extends UserError {
  constructor(message: string, public template: string) {
    super(message, 422);
    this.name = 'TemplateError';
  }
}

/** A merge field the template does not know, or a required one left empty: refused before drawing. */
export class TemplateFieldError extends TemplateError {
  constructor(message: string, template: string, public field: string) {
    super(message, template);
    this.name = 'TemplateFieldError';
  }
}

export class TemplateSyntaxError extends TemplateError {
  constructor(message: string, template: string) {
    super(message, template);
    this.name = 'TemplateSyntaxError';
  }
}

export interface TemplateInfo { name: string; title: string; overridden: boolean; required: readonly string[]; optional: readonly string[] }

export interface TemplateStore {
  read(name: string): string;
  readDefault(name: string): string;
  save(name: string, text: string): void;
  reset(name: string): void;
  isOverridden(name: string): boolean;
  list(): TemplateInfo[];
}

const eta = new Eta({ autoEscape: false, autoTrim: [false, 'nl'], useWith: false, varName: 'it', cache: false });

function knownDef(name: string): TemplateDef {
  const d = templateDef(name);
  if (!d) throw new TemplateError(`文書テンプレート「${name}」はありません`, name);
  return d;
}

// Templates are written by staff: only field output and if/else on fields are allowed, so an
// edited template can never run other code on the server.
const FIELD = String.raw`it\.([\p{L}\p{N}_]+)`;
const ALLOWED_CODE = [
  new RegExp(String.raw`^\s*(?:\}\s*else\s+)?if\s*\(\s*!?\s*${FIELD}\s*\)\s*\{\s*$`, 'u'),
  /^\s*\}\s*else\s*\{\s*$/,
  /^\s*\}\s*$/,
];
const OUTPUT = new RegExp(String.raw`^\s*${FIELD}\s*$`, 'u');

/** The field names a template uses; throws for syntax errors, code other than fields and if/else, and unknown fields. */
export function checkTemplate(name: string, text: string): string[] {
  const d = knownDef(name);
  let ast: ReturnType<Eta['parse']>;
  try {
    ast = eta.parse(text);
    eta.compile(text);
  } catch (err) {
    const line = /at line (\d+)/.exec(String((err as Error).message))?.[1];
    throw new TemplateSyntaxError(`テンプレート「${d.title}」の書き方に誤りがあります${line ? `（${line}行目）` : ''}。<% と %> の対応と if の括弧を確認してください`, name);
  }
  const used = new Set<string>();
  for (const node of ast) {
    if (typeof node === 'string') continue;
    const m = node.t === 'e' ? ALLOWED_CODE.map((re) => re.exec(node.val)).find(Boolean) : OUTPUT.exec(node.val);
    if (m === undefined || m === null) {
      throw new TemplateSyntaxError(`テンプレート「${d.title}」で使えるのは <%= it.項目名 %> と <% if (it.項目名) { %> … <% } %> だけです: 「${node.val.trim()}」`, name);
    }
    if (m[1]) used.add(m[1]);
  }
  const known = new Set([...d.required, ...d.optional]);
  for (const f of used) {
    if (!known.has(f)) throw new TemplateFieldError(`テンプレート「${d.title}」に知らない差し込み項目「${f}」があります（使える項目: ${[...known].join('、')}）`, name, f);
  }
  return [...used];
}

export function createTemplateStore(dataDir: string, shippedDir = SHIPPED_TEMPLATES_DIR): TemplateStore {
  const overridePath = (name: string) => join(dataDir, 'templates', `${knownDef(name).name}.eta`);
  const readDefault = (name: string) => readFileSync(join(shippedDir, `${knownDef(name).name}.eta`), 'utf8');
  return {
    read(name) {
      const file = overridePath(name);
      return existsSync(file) ? readFileSync(file, 'utf8') : readDefault(name);
    },
    readDefault,
    save(name, text) {
      const normalized = text.replace(/\r\n?/g, '\n');
      checkTemplate(name, normalized);
      const file = overridePath(name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, normalized);
    },
    reset(name) {
      const file = overridePath(name);
      if (existsSync(file)) unlinkSync(file);
    },
    isOverridden: (name) => existsSync(overridePath(name)),
    list: () => allTemplateDefs().map((d) => ({ name: d.name, title: d.title, overridden: existsSync(overridePath(d.name)), required: d.required, optional: d.optional })),
  };
}

// Checked and compiled once per distinct text: a batch of 5,000 pages renders the same few texts.
const compiled = new Map<string, { fn: ReturnType<Eta['compile']>; used: string[] }>();

function compiledTemplate(name: string, text: string) {
  const key = `${name}\0${text}`;
  let hit = compiled.get(key);
  if (!hit) {
    const used = checkTemplate(name, text);
    hit = { fn: eta.compile(text), used };
    if (compiled.size > 200) compiled.clear();
    compiled.set(key, hit);
  }
  return hit;
}

/** Checks the current text of each template, so a bad edited copy is refused before a batch starts drawing. */
export function assertTemplatesValid(store: TemplateStore, names: string[]): void {
  for (const name of names) compiledTemplate(name, store.read(name));
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Plain text of a template with the given fields; throws TemplateFieldError before anything is drawn. */
export function renderTemplate(store: TemplateStore, name: string, fields: Record<string, unknown>): string {
  const d = knownDef(name);
  const { fn, used } = compiledTemplate(name, store.read(name));
  for (const f of d.required) {
    if (isEmpty(fields[f])) throw new TemplateFieldError(`「${d.title}」の差し込み項目「${f}」が空のため印刷できません`, name, f);
  }
  const data: Record<string, unknown> = {};
  for (const f of used) data[f] = isEmpty(fields[f]) ? '' : fields[f];
  return fn.call(eta, data).replace(/\n+$/, '');
}

/** The paragraphs of a rendered template (empty lines dropped). */
export function renderParagraphs(store: TemplateStore, name: string, fields: Record<string, unknown>): string[] {
  return renderTemplate(store, name, fields).split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
}
