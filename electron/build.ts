// Bundles the Electron main process and preload to CommonJS in dist/electron, with the outline templates beside them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning' as const,
  // Native and large ESM-only modules are loaded from node_modules at run time.
  external: ['electron', 'better-sqlite3', 'pdfjs-dist', 'playwright-core', '@resvg/resvg-js', 'exceljs', 'docx', 'word-extractor', 'jszip'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: [path.join(root, 'electron', 'main.ts')], outfile: path.join(out, 'main.cjs') });
// Outlines are read and parsed in a worker thread of their own (services/readers/run.ts looks for this file).
await build({ ...common, entryPoints: [path.join(root, 'electron', 'services', 'readers', 'worker.ts')], outfile: path.join(out, 'reader-worker.cjs') });
// A package's evidence is copied into the store by a worker thread while the import merges (core/packages/evidence-copy.ts).
await build({ ...common, entryPoints: [path.join(root, 'electron', 'core', 'packages', 'evidence-copy-worker.ts')], outfile: path.join(out, 'evidence-copy-worker.cjs') });
// An export's package file is written by a worker thread while the operations are gathered (core/packages/writer-thread.ts).
await build({ ...common, entryPoints: [path.join(root, 'electron', 'core', 'packages', 'writer-worker.ts')], outfile: path.join(out, 'writer-worker.cjs') });
await build({ ...common, entryPoints: [path.join(root, 'electron', 'preload.ts')], outfile: path.join(out, 'preload.cjs'), external: ['electron'] });

fs.cpSync(path.join(root, 'electron', 'services', 'templates'), path.join(out, 'templates'), { recursive: true });
process.stdout.write(`built ${path.relative(root, out)}\n`);
