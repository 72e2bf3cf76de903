// The house's plan, checked: folders of src/ and views/ import one way (no loop, type-only imports included),
// services hold no SQL, features reach each other through services, views speak only the kernel, files stay small.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { folderGraph, importsOf, sourceFiles } from '../support/import-graph.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUERY_BUILDER = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(|\bsql\s*(`|<|\.(raw|ref|join|lit|id|table)\b)/;
const MAX_LINES = 450;

/**
 * The layers, bottom first (docs/architecture.md). A folder imports only folders of its own layer or below; inside a
 * layer the loop check keeps the arrows one way. A new folder takes its place here.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['src/kernel', 'src/config'],
  ['src/db'],
  ['views/chrome', 'views/components', 'views/layout', 'views/pages'],
  ['src/http', 'src/i18n', 'src/metrics', 'src/health'],
  ['src/audit', 'src/notify', 'src/schools', 'src/seats'],
  ['src/auth', 'src/catalogue', 'src/pupils'],
  ['src/family'],
  ['src/enrollment', 'src/attendance', 'src/privacy', 'src/announcements'],
  ['src/lottery'],
  ['src/messages', 'src/ops', 'src/seed', 'src/district'],
  ['src/app'],
  ['src/main'],
];

function arrowsUpward(projectRoot: string, layers = LAYERS): string[] {
  const layerOf = (folder: string) => layers.findIndex((layer) => layer.includes(folder));
  const graph = folderGraph(projectRoot);
  const unplaced = graph.folders.filter((folder) => layerOf(folder) === -1).map((folder) => `${folder} has no layer`);
  const upward = graph.arrows
    .filter(([from, to]) => layerOf(from) !== -1 && layerOf(to) > layerOf(from))
    .map(([from, to]) => `${from} → ${to}`);
  return [...unplaced, ...upward];
}

function loopsIn(projectRoot: string): string[] {
  return folderGraph(projectRoot).loops.map((loop) => loop.join(' → '));
}

function servicesWithSql(projectRoot: string): string[] {
  return sourceFiles(projectRoot)
    .filter((file) => file.path.endsWith('.service.ts'))
    .flatMap((file) => file.text.split('\n').flatMap((line, index) => (QUERY_BUILDER.test(line) ? [`${file.path}:${index + 1}: ${line.trim()}`] : [])));
}

function repositoriesReachedFromOutside(projectRoot: string): string[] {
  return sourceFiles(projectRoot).flatMap((file) =>
    importsOf(file, projectRoot)
      .filter((target) => target.endsWith('.repository.ts') && dirname(target) !== dirname(file.path))
      .map((target) => `${file.path} → ${target}`),
  );
}

function viewsReachingPastTheKernel(projectRoot: string): string[] {
  return sourceFiles(projectRoot)
    .filter((file) => file.path.startsWith('views/'))
    .flatMap((file) =>
      importsOf(file, projectRoot)
        .filter((target) => !target.startsWith('views/') && !target.startsWith('src/kernel/'))
        .map((target) => `${file.path} → ${target}`),
    );
}

describe('the folder graph', () => {
  it('has no import loop between folders of src/ and views/', () => {
    expect(loopsIn(ROOT)).toEqual([]);
  });

  it('runs every arrow down the layers, none upward', () => {
    expect(arrowsUpward(ROOT)).toEqual([]);
  });

  it('keeps SQL in repositories: no query builder in a *.service.ts', () => {
    expect(servicesWithSql(ROOT)).toEqual([]);
  });

  it('lets a feature reach another feature through its service, never its repository', () => {
    expect(repositoriesReachedFromOutside(ROOT)).toEqual([]);
  });

  it('lets views import only other views and the kernel', () => {
    expect(viewsReachingPastTheKernel(ROOT)).toEqual([]);
  });

  it(`keeps every source file outside the seed data under ${MAX_LINES} lines`, () => {
    const long = sourceFiles(ROOT)
      .filter((file) => !file.path.startsWith('src/seed/'))
      .map((file) => ({ path: file.path, lines: file.text.split('\n').length }))
      .filter((file) => file.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'clubroll-architecture-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };
  write('src/kernel/rejection.ts', 'export type Rejection = { key: string };\n');
  write('src/alpha/alpha.service.ts', "import type { Beta } from '../beta/beta.routes.tsx';\nexport const rows = (db: any) => db.selectFrom('alphas').execute();\n");
  write('src/alpha/alpha.repository.ts', 'export const find = () => 1;\n');
  write('src/beta/beta.routes.tsx', "import { find } from '../alpha/alpha.repository.ts';\nimport type { Rejection } from '../kernel/rejection.ts';\nexport type Beta = Rejection;\n");
  write('views/pages/beta.tsx', "import type { Beta } from '../../src/beta/beta.routes.tsx';\nimport type { Rejection } from '../../src/kernel/rejection.ts';\n");

  it('finds a loop made only of type imports', () => {
    expect(loopsIn(fixture)).toEqual(['src/alpha → src/beta']);
  });

  it('finds an arrow running upward and a folder with no layer', () => {
    expect(arrowsUpward(fixture, [['src/kernel'], ['views/pages'], ['src/alpha', 'src/beta']])).toEqual(['views/pages → src/beta']);
    expect(arrowsUpward(fixture, [['src/kernel'], ['views/pages'], ['src/beta']])).toEqual(['src/alpha has no layer', 'views/pages → src/beta']);
  });

  it('finds a query builder call in a service', () => {
    expect(servicesWithSql(fixture)).toEqual(["src/alpha/alpha.service.ts:2: export const rows = (db: any) => db.selectFrom('alphas').execute();"]);
  });

  it('finds a repository imported by another feature', () => {
    expect(repositoriesReachedFromOutside(fixture)).toEqual(['src/beta/beta.routes.tsx → src/alpha/alpha.repository.ts']);
  });

  it('finds a view importing a feature', () => {
    expect(viewsReachingPastTheKernel(fixture)).toEqual(['views/pages/beta.tsx → src/beta/beta.routes.tsx']);
  });
});
