// Rendering pages must not turn on async_hooks' promise hooks, which tax every promise in the process (ADR 0017).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('renders a page without turning on promise hooks for the process', () => {
  const probe = fileURLToPath(new URL('../support/async-hooks-probe.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', probe], { encoding: 'utf8', timeout: 30_000 });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as { status: number; rendered: boolean; asyncId: number };
  expect(result.status).toBe(200);
  expect(result.rendered).toBe(true);
  // With promise hooks on, a continuation after `await` runs under its promise's own async id.
  expect(result.asyncId).toBe(0);
});
