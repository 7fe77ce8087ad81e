// Starting a worker thread in both forms the app runs in: the built app ships each worker as its own bundle beside
// main.cjs (electron/build.ts); from source (npm start, tests, benches) the TypeScript entry is loaded through tsx.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(bundleName: string, source: URL, options: WorkerOptions): Worker {
  const bundled = new URL(`./${bundleName}`, import.meta.url);
  if (import.meta.url.endsWith('.cjs') && existsSync(fileURLToPath(bundled))) return new Worker(bundled, options);
  // The ESM entry of tsx's API (require.resolve would give its CommonJS twin, which cannot register ESM hooks).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
