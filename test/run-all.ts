// `npm test`: lint, type-check, unit tests, end-to-end tests, in that order; stops at the first failure and sums up.
import { spawnSync } from 'node:child_process';

const steps: [string, string[]][] = [
  ['lint', ['run', '-s', 'lint']],
  ['typecheck', ['run', '-s', 'typecheck']],
  ['unit', ['run', '-s', 'test:unit']],
  ['e2e', ['run', '-s', 'test:e2e']],
];

const only = process.argv.slice(2);
let failed = 0;
let passed = 0;
for (const [name, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status === 0) {
    passed++;
    process.stdout.write(`=== ${name}: ok (${secs} s) ===\n`);
  } else {
    failed++;
    process.stdout.write(`=== ${name}: FAILED (${secs} s) ===\n`);
    break;
  }
}
process.stdout.write(`\nsteps: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
