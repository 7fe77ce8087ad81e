// `npm run bench`: runs every *.bench.ts here in turn; each prints JSON lines of figures on stdout.
//
// Benches that time worker threads run in the form the app ships: bundled by esbuild like electron/build.ts, with the
// worker bundles beside them. From source every worker would first be compiled by tsx as it starts (half a second and
// more here), a cost the built app never pays.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleOptions, workerBundles } from '../../electron/bundles';

const dir = import.meta.dirname;
const root = path.resolve(dir, '..', '..');
const SHIPPED_FORM = new Set(['exchange.bench.ts']);
// Inside the checkout, so the bundles find node_modules for what they leave external.
const out = path.join(root, 'dist', 'bench');

async function bundled(file: string): Promise<string> {
  const outfile = path.join(out, file.replace(/\.ts$/, '.cjs'));
  await build({ ...bundleOptions, entryPoints: [path.join(dir, file)], outfile });
  return outfile;
}

const only = process.argv.slice(2);
let failed = 0;
let workersBuilt = false;
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.bench.ts')).sort()) {
  if (only.length && !only.some((o) => f.includes(o))) continue;
  let args = ['--import', 'tsx', path.join(dir, f)];
  if (SHIPPED_FORM.has(f)) {
    if (!workersBuilt) for (const w of workerBundles(root)) await build({ ...bundleOptions, entryPoints: [w.entry], outfile: path.join(out, w.name) });
    workersBuilt = true;
    args = ['--enable-source-maps', await bundled(f)];
  }
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} failed with exit ${r.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
