// What electron/build.ts bundles and how: shared with the test that runs the worker bundles under Node (Electron itself
// never runs on our build machines, so the bundled workers would otherwise go untried).
import path from 'node:path';
import type { BuildOptions } from 'esbuild';

export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  // Native and large ESM-only modules are loaded from node_modules at run time.
  external: ['electron', 'better-sqlite3', 'pdfjs-dist', 'playwright-core', '@resvg/resvg-js', 'exceljs', 'docx', 'word-extractor', 'jszip'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
} satisfies BuildOptions;

/** Worker threads, each bundled beside main.cjs under the name core/worker-start.ts looks for. */
export function workerBundles(root: string): { entry: string; name: string }[] {
  return [
    // Outlines are read and parsed in a worker thread of their own (services/readers/run.ts).
    { entry: path.join(root, 'electron', 'services', 'readers', 'worker.ts'), name: 'reader-worker.cjs' },
    // A package's evidence is copied into the store while the import merges (core/packages/evidence-copy.ts).
    { entry: path.join(root, 'electron', 'core', 'packages', 'evidence-copy-worker.ts'), name: 'evidence-copy-worker.cjs' },
    // A big package's audit chain is checked while its operations merge (core/packages/chain-check.ts).
    { entry: path.join(root, 'electron', 'core', 'packages', 'chain-check-worker.ts'), name: 'chain-check-worker.cjs' },
    // An export's package file is written while the operations are gathered (core/packages/writer-thread.ts).
    { entry: path.join(root, 'electron', 'core', 'packages', 'writer-worker.ts'), name: 'writer-worker.cjs' },
  ];
}
