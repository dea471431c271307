import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './build-site.ts';

/** One file's imports of other files of the project, as paths relative to the project root. */
export interface SourceFile {
  file: string;
  imports: string[];
}

// Static imports and re-exports, side-effect imports, and import() with a literal path: every way
// the project's code names another of its files. In .astro files this reads the frontmatter and
// the <script> blocks alike, which is what Astro bundles.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

/** Every .ts/.astro/.mjs file under the given folders, with the project files it imports. */
export function readSources(folders: readonly string[]): SourceFile[] {
  const files = folders.flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:ts|astro|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  );
  return files.sort().map((file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const imports = [...text.matchAll(SPECIFIER)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[2] ?? '')));
    return { file, imports: [...new Set(imports)] };
  });
}

/** Each import cycle once, as the files on it in order (Tarjan's strongly connected components). */
export function findCycles(sources: readonly SourceFile[]): string[][] {
  const edges = new Map(sources.map((s) => [s.file, s.imports]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let top: string | undefined;
    do {
      top = stack.pop();
      if (top === undefined) break;
      onStack.delete(top);
      component.push(top);
    } while (top !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(component.reverse());
  };
  for (const { file } of sources) if (!index.has(file)) visit(file);
  return cycles;
}
