// The folder graph of src/ and views/: which folder imports which (type-only imports included), and its loops.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const ROOTS = ['src', 'views'];
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export interface SourceFile {
  path: string; // relative to the project, with forward slashes
  folder: string;
  text: string;
}

export function sourceFiles(projectRoot: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const relativePath = relative(projectRoot, path).split(sep).join('/');
        files.push({ path: relativePath, folder: folderOf(relativePath), text: readFileSync(path, 'utf8') });
      }
    }
  };
  for (const root of ROOTS) walk(join(projectRoot, root));
  return files;
}

/**
 * src/seats/seats.ts → src/seats; views/pages/family/week.tsx → views/pages. A file at a root's top
 * (src/app.ts, src/messages.ts, views/layout.tsx) is a node of its own.
 */
export function folderOf(path: string): string {
  const parts = path.split('/');
  return parts.length <= 2 ? path.replace(SOURCE, '') : `${parts[0]}/${parts[1]}`;
}

/** The project-relative files each file imports (relative specifiers only; packages are outside the graph). */
export function importsOf(file: SourceFile, projectRoot: string): string[] {
  const targets: string[] = [];
  for (const match of file.text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier?.startsWith('.')) continue;
    const absolute = resolve(projectRoot, dirname(file.path), specifier);
    targets.push(relative(projectRoot, absolute).split(sep).join('/'));
  }
  return targets;
}

export interface FolderGraph {
  folders: string[];
  arrows: Array<[from: string, to: string]>;
  /** Strongly connected sets of two or more folders: each is an import loop. */
  loops: string[][];
}

export function folderGraph(projectRoot: string): FolderGraph {
  const files = sourceFiles(projectRoot);
  const known = new Set(ROOTS);
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    edges.set(file.folder, edges.get(file.folder) ?? new Set());
    for (const target of importsOf(file, projectRoot)) {
      if (!ROOTS.some((root) => target.startsWith(`${root}/`))) continue;
      const to = folderOf(target);
      known.add(to);
      if (to !== file.folder) edges.get(file.folder)!.add(to);
    }
  }
  const folders = [...new Set([...edges.keys(), ...known])].filter((folder) => edges.has(folder)).sort();
  const arrows = folders.flatMap((from) => [...(edges.get(from) ?? [])].sort().map((to): [string, string] => [from, to]));
  return { folders, arrows, loops: stronglyConnected(folders, edges).filter((set) => set.length > 1) };
}

/** Tarjan's algorithm: linear in folders and arrows. */
function stronglyConnected(nodes: string[], edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const set: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        set.push(member);
      } while (member !== node);
      result.push(set.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result;
}
