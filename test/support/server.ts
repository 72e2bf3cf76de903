// Starts the real server as `npm start` runs it (the build in dist/, which the global setup makes) as a child
// process on 127.0.0.1, for start-up and browser tests; the npm scripts' other entries run through tsx.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Node's arguments in package.json's start script (its Node options, then dist/main.js). */
export function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = scripts.start!.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'dist/main.js') throw new Error(`package.json's start script is not "node … dist/main.js": ${scripts.start}`);
  return args;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(script: string, env: Record<string, string>, args: readonly string[] = []) {
  // The server (src/main.ts) runs as its build, as `npm start` runs it; other scripts through tsx's loader. One
  // process either way (node itself, not npm or tsx's launcher), so a signal — SIGKILL included — reaches it.
  const node = script === 'src/main.ts' ? npmStartArgs() : ['--import', 'tsx', script];
  return spawn(process.execPath, [...node, ...args], {
    cwd: ROOT,
    // SQLITE_DRIVER passes through, so CI's stock-driver pass starts the server on the driver it tests.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', ...(process.env.SQLITE_DRIVER ? { SQLITE_DRIVER: process.env.SQLITE_DRIVER } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a script to its end (for start-up failures and the seed command). */
export function runToEnd(script: string, env: Record<string, string>, timeoutMs = 60_000, args: readonly string[] = []): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = launch(script, env, args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the server on a free port and resolves once it prints its address. */
export function startServer(env: Record<string, string>, timeoutMs = 90_000): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = launch('src/main.ts', { PORT: '0', ...env });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!.replace('localhost', '127.0.0.1');
        resolve({
          url,
          process: child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${output}`));
    });
  });
}
