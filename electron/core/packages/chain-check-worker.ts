// Worker thread body: checks the audit chain of a package's operations (see chain-check.ts) while the importing thread
// merges them.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { damaged } from './crypto';
import { opsProblem } from './ops-check';
import type { Op } from './sync-port';
import type { ChainCheckRequest } from './chain-check';
import { DONE, FAILED, endWork, words, writeError } from './worker-state';

const req = workerData as ChainCheckRequest;
const state = words(req.shared);

function readOps(): Op[] {
  const db = new Database(req.packageFile, { readonly: true, fileMustExist: true });
  try {
    const ops: Op[] = [];
    for (const body of db.prepare('SELECT body FROM ops ORDER BY seq').pluck().iterate() as Iterable<string>) {
      try {
        ops.push(JSON.parse(body) as Op);
      } catch {
        throw damaged('op json');
      }
    }
    return ops;
  } finally {
    db.close();
  }
}

try {
  const problem = opsProblem(readOps(), req.ledgerId);
  if (problem) throw problem;
  endWork(state, DONE);
} catch (e) {
  if (isAppError(e)) writeError(req.shared, { code: e.code, message: e.message, detail: e.detail ?? '' });
  else writeError(req.shared, { code: 'internal', message: '', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  endWork(state, FAILED);
}
