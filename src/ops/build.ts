// The production build: each entry bundled by esbuild into one ES module under dist/, with its source map. Packages
// stay in node_modules (imported as usual); the bundle sits one folder below the project as src/ does, so paths
// such as ../static resolve alike. See docs/decisions/0019-bundled-server.md.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Bundles each entry (output name → source path from the project root) into dist/<name>.js. */
export async function bundle(entries: Record<string, string>): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
}

/** The server as `npm start` runs it. */
export const SERVER_ENTRY = { main: 'src/main.ts' };
