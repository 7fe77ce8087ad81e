// Worker thread body: reads one outline file and parses it, away from the thread that serves the screen.
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { parseOutline } from '../../../shared/outline/index';
import { readEvidenceText, readOutlineBuffer } from './index';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('reader worker started outside a worker thread');
const send = (m: WorkerReply) => port.postMessage(m);
const req = workerData as WorkerRequest;

async function main(): Promise<void> {
  if (req.mode === 'text') {
    send({ type: 'text', text: await readEvidenceText(req.bytes, req.fileName) });
    return;
  }
  send({ type: 'progress', fraction: 0.05, step: 'read' });
  const doc = await readOutlineBuffer(req.bytes, req.fileName, { onProgress: (f) => send({ type: 'progress', fraction: 0.05 + f * 0.75, step: 'read' }) });
  send({ type: 'progress', fraction: 0.8, step: 'parse' });
  const { text, ...source } = doc;
  const outline = parseOutline(text);
  send({ type: 'done', source, outline });
}

main().catch((e: unknown) => {
  if (isAppError(e)) send({ type: 'error', code: e.code, message: e.message, detail: e.detail ?? null });
  else send({ type: 'error', code: 'internal', message: '', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
});
