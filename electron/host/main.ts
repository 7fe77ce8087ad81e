// Entry point of the loopback host: `tsx electron/host/main.ts [--data-dir DIR] [--port N] [--no-open]`.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './server';
import { resolveDataDir } from '../services/data-dir';
import { openBrowser } from './open-browser';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' }, renderer: { type: 'string' } },
  strict: true,
});

const rendererDir = values.renderer ?? path.resolve(fileURLToPath(new URL('../../dist/renderer', import.meta.url)));
const host = await startHost({
  dataDir: resolveDataDir(values['data-dir']),
  rendererDir,
  ...(values.port ? { port: Number(values.port) } : {}),
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
