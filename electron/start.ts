// `npm start`: the Electron app where an Electron binary exists, otherwise the loopback host in a browser.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = findElectronBinary();

if (electron.ok) {
  const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`未能启动 Electron(${electron.reason}),改为本机浏览器模式运行,功能相同。\n`);
  await import('./host/main');
}
