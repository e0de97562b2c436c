import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** Hiragana, katakana, CJK ideographs, full-width forms and Japanese punctuation. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

export interface Literal {
  file: string;
  line: number;
  text: string;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every string or template literal holding Japanese text in one source (comments are not literals). */
export function japaneseLiterals(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node) => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
          ? node.text
          : null;
    if (text !== null && JAPANESE.test(text)) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

/** The Japanese literals of every .ts file under root/src, paths relative to root with forward slashes. */
export function japaneseLiteralsUnder(root: string): Literal[] {
  return tsFiles(join(root, 'src')).flatMap((path) =>
    japaneseLiterals(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8')),
  );
}

/** Files whose Japanese text is the point of the file: a domain's words, entity defaults, audit labels. */
export function isTextFile(file: string): boolean {
  return /(^|\/)(ui-text|audit-labels)\.ts$/.test(file) || file.endsWith('.entity.ts');
}
