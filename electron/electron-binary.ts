// Finds the Electron executable that `npm install electron` would have downloaded, if it is there.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: '未安装 electron 包' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { ok: false, reason: 'electron 包已安装,但其可执行文件未下载(无 path.txt)' };
  const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(exe)) return { ok: false, reason: `未找到 Electron 可执行文件 ${exe}` };
  return { ok: true, path: exe };
}
