// Opens a package file for reading whatever its form: decrypts an encrypted one to a private temporary file first.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { decryptFile, isEncrypted, type CryptOptions } from './crypto';
import { PackageReader } from './container';

export interface OpenedPackage {
  reader: PackageReader;
  encrypted: boolean;
  /** Closes the reader and removes any decrypted copy. */
  dispose(): void;
}

/** Where decrypted copies and files being written live: inside the data folder, never next to the user's file. */
export function packageTmpDir(dataDir: string): string {
  return path.join(dataDir, 'exchange', 'tmp');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Decrypted copies and half-written packages of a process that was killed: they go before new ones are made. */
export function sweepPackageTmp(dataDir: string): void {
  const dir = packageTmpDir(dataDir);
  for (const n of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const pid = Number(/^(\d+)-/.exec(n)?.[1] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
    if (pid === process.pid) continue;
    fs.rmSync(path.join(dir, n), { force: true });
  }
}

export function tmpName(dataDir: string, suffix: string): string {
  const dir = packageTmpDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  sweepPackageTmp(dataDir);
  return path.join(dir, `${process.pid}-${randomBytes(8).toString('hex')}${suffix}`);
}

export function needsPassphrase(): AppError {
  return new AppError('validation', '该交换包已加密。请输入发送方告知的口令后再打开。');
}

function unreadable(file: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not_found', `找不到交换包“${path.basename(file)}”。请确认文件位置后重试。`, String(e));
  return new AppError('unreadable_file', `无法读取交换包“${path.basename(file)}”。请确认U盘连接正常、文件未被占用后重试。`, String(e));
}

export async function openPackage(file: string, dataDir: string, passphrase: string | undefined, o: CryptOptions = {}): Promise<OpenedPackage> {
  let encrypted: boolean;
  try {
    encrypted = await isEncrypted(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (!encrypted) {
    const reader = new PackageReader(file);
    return { reader, encrypted, dispose: () => reader.close() };
  }
  if (!passphrase) throw needsPassphrase();
  const plain = tmpName(dataDir, '.open');
  try {
    await decryptFile(file, plain, passphrase, o);
    const reader = new PackageReader(plain);
    return {
      reader,
      encrypted,
      dispose() {
        reader.close();
        fs.rmSync(plain, { force: true });
      },
    };
  } catch (e) {
    fs.rmSync(plain, { force: true });
    throw e;
  }
}
