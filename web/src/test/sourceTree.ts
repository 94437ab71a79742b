/// <reference types="node" />
// Reads web/src as a graph of modules, for the tests that keep its shape:
// which file imports which, and which layer each file belongs to.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Source files (not tests) under web/src, as paths relative to it with '/' separators. */
export function sourceFiles(root = SRC): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
        out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function readSource(file: string, root = SRC): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** The module specifiers a file imports or re-exports (static and dynamic). */
export function importSpecifiers(code: string): string[] {
  const specs: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]);
  return specs;
}

/** The file a relative specifier names, among `files`; null for packages and assets. */
export function resolveImport(from: string, spec: string, files: ReadonlySet<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

export type Graph = Map<string, string[]>;

/** file -> the files under web/src it imports. */
export function importGraph(root = SRC): Graph {
  const files = sourceFiles(root);
  const set = new Set(files);
  const graph: Graph = new Map();
  for (const f of files) {
    const deps = importSpecifiers(readSource(f, root))
      .map((s) => resolveImport(f, s, set))
      .filter((d): d is string => d !== null);
    graph.set(f, Array.from(new Set(deps)));
  }
  return graph;
}
