// Worker thread body: checks the audit chain of a package's operations (see chain-check.ts) while the importing thread
// merges them. It reads them as the importing thread does (count and part hash included), at the cost of a second
// reading on this thread, which has time to spare.
import { workerData } from 'node:worker_threads';
import { PackageReader } from './container';
import { opsProblem, readOpsPart } from './ops-check';
import type { ChainCheckRequest } from './chain-check';
import { DONE, endFailed, endWork, words } from './worker-state';

const req = workerData as ChainCheckRequest;

try {
  const reader = new PackageReader(req.packageFile);
  try {
    const problem = opsProblem(readOpsPart(reader), reader.manifest.ledgerId);
    if (problem) throw problem;
  } finally {
    reader.close();
  }
  endWork(words(req.shared), DONE);
} catch (e) {
  endFailed(req.shared, e);
}
