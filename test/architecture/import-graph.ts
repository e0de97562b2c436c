import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** file → the files it imports; paths are relative to the root, with forward slashes. */
export type ImportGraph = Map<string, Set<string>>;

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const posix = (path: string) => path.split(sep).join('/');

/** `./x.js` in our ESM sources names `x.ts` (NodeNext); a specifier already ending in `.ts` stays. */
function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package, not our code
  const target = normalize(join(dirname(join(root, from)), specifier));
  const candidates = [target.replace(/\.js$/, '.ts'), target, join(target, 'index.ts')];
  const found = candidates.find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile());
  return found ? posix(relative(root, found)) : null;
}

/**
 * Reads every relative import (static, type-only, re-export and dynamic import()) of the
 * .ts files under the given folders with the compiler's own pre-processor: no type checking,
 * just the import specifiers, exactly as `tsc` sees them.
 */
export function buildImportGraph(root: string, folders: string[] = ['src', 'migrations']): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((f) => tsFiles(join(root, f)))) {
    const from = posix(relative(root, file));
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      const to = resolveSpecifier(root, from, fileName);
      if (to && to !== from) targets.add(to);
    }
    graph.set(from, targets);
  }
  return graph;
}

/** Import cycles: one loop per strongly connected component of more than one file (Tarjan). */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(loopThrough(graph, new Set(component)));
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** A shortest loop from the component's first file back to itself: a path a reader can follow. */
function loopThrough(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w) || cameFrom.has(w)) continue;
      cameFrom.set(w, v);
      if (w === start) queue.length = 0;
      else queue.push(w);
    }
  }
  const path = [start];
  for (let v = cameFrom.get(start)!; v !== start; v = cameFrom.get(v)!) path.unshift(v);
  return [start, ...path.slice(0, -1)];
}
