/**
 * Staff-written Markdown → the blocks the newsletter PDF draws. markdown-it with HTML off:
 * tags typed by staff stay plain text; links keep only their text; images only by the id
 * of an uploaded image (/…/images/ID), never a file path or URL. Pure.
 */
import MarkdownIt from 'markdown-it';

export interface Span {
  text: string;
  bold?: boolean;
}
export type Block =
  | { type: 'heading'; level: number; spans: Span[] }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'item'; marker: string; depth: number; spans: Span[] }
  | { type: 'image'; imageId: number; alt: string }
  | { type: 'rule' };

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Token = ReturnType<typeof md.parse>[number];

/** Removes control characters that fonts cannot draw (a pasted form feed must not break a page). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, '');

function spans(inline: Token): { spans: Span[]; images: { imageId: number; alt: string }[] } {
  const out: Span[] = [];
  const images: { imageId: number; alt: string }[] = [];
  let bold = false;
  for (const c of inline.children ?? []) {
    if (c.type === 'strong_open') bold = true;
    else if (c.type === 'strong_close') bold = false;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out.push({ text: '\n' });
    else if (c.type === 'image') {
      const m = /\/images\/(\d+)$/.exec(String(c.attrGet('src') ?? ''));
      if (m) images.push({ imageId: Number(m[1]), alt: clean(c.content) });
      else out.push({ text: clean(c.content) });
    } else if (c.type === 'text' || c.type === 'code_inline')
      out.push({ text: clean(c.content), ...(bold ? { bold } : {}) });
  }
  return { spans: out.filter((s) => s.text), images };
}

export function markdownBlocks(source: string): Block[] {
  const tokens = md.parse(source.slice(0, 100_000), {});
  const blocks: Block[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let heading = 0;
  let inItem = false;
  for (const t of tokens) {
    if (t.type === 'heading_open') heading = Number(t.tag.slice(1));
    else if (t.type === 'heading_close') heading = 0;
    else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')
      lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) - 1 });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') inItem = true;
    else if (t.type === 'hr') blocks.push({ type: 'rule' });
    else if (t.type === 'inline' || t.type === 'fence' || t.type === 'code_block') {
      if (t.type !== 'inline') {
        blocks.push({ type: 'paragraph', spans: [{ text: clean(t.content.trimEnd()) }] });
        continue;
      }
      const { spans: s, images } = spans(t);
      if (heading && s.length) blocks.push({ type: 'heading', level: heading, spans: s });
      else if (inItem && lists.length) {
        const list = lists[lists.length - 1]!;
        blocks.push({ type: 'item', marker: list.ordered ? `${++list.n}.` : '・', depth: lists.length, spans: s });
        inItem = false;
      } else if (s.length) blocks.push({ type: 'paragraph', spans: s });
      for (const img of images) blocks.push({ type: 'image', ...img });
    }
  }
  return blocks;
}

/** Ids of the images a text uses (to check they exist before printing). */
export const imageIds = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'image' ? [b.imageId] : []));
