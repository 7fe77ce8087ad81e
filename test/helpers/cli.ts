// Runs the real command line in a child process, as administrators and CI do.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// tsx as a loader inside one node process (not its CLI, which runs the script in a second process that a kill would miss).
const tsxLoader = ['--import', 'tsx'];
const entry = path.join(ROOT, 'electron', 'host', 'cli-main.ts');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [...tsxLoader, entry, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliChild(args: string[]): ChildProcess {
  return spawn(process.execPath, [...tsxLoader, entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function fixture(name: string): string {
  return path.join(ROOT, 'test', 'fixtures', name);
}
