// `npm test`: lint, type-check, unit tests, end-to-end tests, in that order; stops at the first failure and sums up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const vitestJson = path.join(results, 'vitest.json');
const e2eJson = path.join(results, 'e2e.json');
fs.rmSync(vitestJson, { force: true });
fs.rmSync(e2eJson, { force: true });

const steps: [string, string, string[], NodeJS.ProcessEnv?][] = [
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['unit', 'npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]],
  ['e2e', 'npx', ['playwright', 'test', '-c', 'test/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eJson }],
];

const only = process.argv.slice(2);
let failedStep: string | null = null;
for (const [name, cmd, args, env] of steps) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s) ===\n`);
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}

interface Counts { passed: number; failed: number; skipped: number }
const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (fs.existsSync(e2eJson)) {
  const p = JSON.parse(fs.readFileSync(e2eJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  counts.passed += p.stats.expected + p.stats.flaky;
  counts.failed += p.stats.unexpected;
  counts.skipped += p.stats.skipped;
}
if (failedStep && counts.failed === 0) counts.failed = 1;
process.stdout.write(`\n${failedStep ? `failed at: ${failedStep}\n` : ''}tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exitCode = failedStep ? 1 : 0;
