// Worker thread body: writes a package file. Evidence goes in first, while the exporting thread has SQLite write the
// operations as JSON into a side file (and a whole ledger's tables into another); they are taken in when they arrive;
// the manifest comes last, then the file is synced.
import { parentPort, workerData } from 'node:worker_threads';
import { blobChunksSync } from '../../../db/evidence-store/read';
import { cancelledError } from '../../../db/evidence-store/write';
import { isAppError } from '../../../shared/errors';
import { PackageWriter } from './container';
import type { OpsPart } from './ops-file';
import type { FromWriter, ToWriter, WriterRequest } from './writer-protocol';

const port = parentPort;
if (!port) throw new Error('package writer started outside a worker thread');
const req = workerData as WriterRequest;
const key = req.key ? { key: Buffer.from(req.key.key), id: Buffer.from(req.key.id) } : null;
const send = (m: FromWriter) => port.postMessage(m);
const cancel = new AbortController();
let writer: PackageWriter | null = null;
let ops: OpsPart | null = null;
let snapshot: string | null = null;
let opsArrived: () => void = () => undefined;
const opsHere = new Promise<void>((resolve) => (opsArrived = resolve));
let manifestArrived: (m: Extract<ToWriter, { type: 'finish' }>['manifest']) => void = () => undefined;
const manifestHere = new Promise<Extract<ToWriter, { type: 'finish' }>['manifest']>((resolve) => (manifestArrived = resolve));

// Waiting for the operations or the manifest ends at a cancel: the export may stop before sending them.
const cancelled = new Promise<never>((_, reject) => cancel.signal.addEventListener('abort', () => reject(cancelledError())));
cancelled.catch(() => undefined);

port.on('message', (m: ToWriter) => {
  if (m.type === 'cancel') cancel.abort();
  else if (m.type === 'ops') {
    ops = m.part;
    snapshot = m.snapshot;
    opsArrived();
  } else manifestArrived(m.manifest);
});

async function main(): Promise<void> {
  const w = (writer = new PackageWriter(req.file));
  // Progress in steps of 8 MiB: enough for a bar, few messages.
  let pending = 0;
  for (const b of req.blobs) {
    await w.addBlob(b.sha256, (buf) => blobChunksSync(b.path, key, buf), {
      signal: cancel.signal,
      onBytes: (n) => {
        pending += n;
        if (pending >= 8 * 1024 * 1024) {
          send({ type: 'bytes', n: pending });
          pending = 0;
        }
      },
    });
  }
  if (pending) send({ type: 'bytes', n: pending });
  await Promise.race([opsHere, cancelled]);
  w.addOps(ops!);
  const snap = snapshot === null ? null : w.addSnapshot(snapshot);
  send({ type: 'ready', opsPart: w.opsPart(), blobs: w.blobs, snapshot: snap });
  const manifest = await Promise.race([manifestHere, cancelled]);
  await w.settle();
  w.finish(manifest);
  send({ type: 'finished' });
}

main().then(
  () => port.close(),
  (e: unknown) => {
    writer?.abort();
    if (isAppError(e)) send({ type: 'error', code: e.code, message: e.message, detail: e.detail ?? '' });
    else send({ type: 'error', code: 'internal', message: '', detail: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) });
    port.close();
  },
);
