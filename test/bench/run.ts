// `npm run bench`: runs every *.bench.ts here in turn; each prints JSON lines of figures on stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
let failed = 0;
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.bench.ts')).sort()) {
  if (only.length && !only.some((o) => f.includes(o))) continue;
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} failed with exit ${r.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
