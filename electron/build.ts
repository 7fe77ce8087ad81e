// Bundles the Electron main process, its worker threads and the preload to CommonJS in dist/electron, with the outline
// templates beside them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions, workerBundles } from './bundles';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'dist', 'electron');

await build({ ...bundleOptions, entryPoints: [path.join(root, 'electron', 'main.ts')], outfile: path.join(out, 'main.cjs') });
for (const w of workerBundles(root)) await build({ ...bundleOptions, entryPoints: [w.entry], outfile: path.join(out, w.name) });
await build({ ...bundleOptions, entryPoints: [path.join(root, 'electron', 'preload.ts')], outfile: path.join(out, 'preload.cjs'), external: ['electron'] });

fs.cpSync(path.join(root, 'electron', 'services', 'templates'), path.join(out, 'templates'), { recursive: true });
process.stdout.write(`built ${path.relative(root, out)}\n`);
