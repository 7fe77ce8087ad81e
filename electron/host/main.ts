// Entry point of the loopback host: `tsx electron/host/main.ts [--data-dir DIR] [--port N] [--no-open]`.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './server';
import { resolveDataDir } from '../services/data-dir';
import { openBrowser } from './open-browser';
import { isAppError } from '../../shared/errors';
import { setPassphrase } from '../../db/store-key';
import { readPassphraseFile } from './commands/store';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' }, renderer: { type: 'string' } },
  strict: true,
});

const rendererDir = values.renderer ?? path.resolve(fileURLToPath(new URL('../../dist/renderer', import.meta.url)));
const dataDir = resolveDataDir(values['data-dir']);
// An encrypted store opens with the passphrase in this file; without one the host starts locked and the page asks for it.
if (values['passphrase-file']) setPassphrase(dataDir, readPassphraseFile(values['passphrase-file']));
const host = await startHost({
  dataDir,
  rendererDir,
  ...(values.port ? { port: Number(values.port) } : {}),
}).catch((e: unknown) => {
  // A missing drive or a read-only folder: said plainly, and no new empty ledger is made in its place.
  process.stderr.write(`${isAppError(e) ? e.message : String(e)}\n`);
  process.exit(1);
});
// The printed address opens the app once; the browser it opens uses it up, so a copy in the terminal's scroll-back opens nothing.
const startUrl = host.openUrl();
process.stdout.write(`法治台账已在本机启动(数据目录:${host.ctx.dataDir})\n请在浏览器中打开(该地址只能使用一次):${startUrl}\n按 Ctrl+C 退出。\n`);
if (!values['no-open']) openBrowser(startUrl);

const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
