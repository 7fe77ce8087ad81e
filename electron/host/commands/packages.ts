// Package commands: export, import and verify exchange packages; import receipts.
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { isQuarterId } from '../../../shared/periods';
import { withStore } from './ledger';
import { exportPackage, writeReceipt } from '../../core/packages/export';
import { importPackage } from '../../core/packages/import';
import { importReceipt } from '../../core/packages/receipt';
import { verifyPackageFile } from '../../core/packages/verify';
import type { PackageSlice } from '../../core/packages/manifest';

function readPassphrase(values: Record<string, unknown>): string | undefined {
  const file = stringOpt(values, 'passphrase-file');
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', `无法读取口令文件“${file}”。请确认文件存在且可读。`);
  }
  // One line: the trailing line end an editor adds is not part of the passphrase.
  const pass = text.replace(/\r?\n$/, '');
  if (!pass) throw new AppError('validation', '口令文件是空的。请在文件中写入口令。');
  return pass;
}

function list(values: Record<string, unknown>, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

function progressPrinter(io: CliIo, on: boolean): (p: number | null) => void {
  let last = -1;
  return (p) => {
    const pct = p === null ? 0 : Math.floor(p * 100);
    if (on && pct !== last) io.err(`${pct}%`);
    last = pct;
  };
}

function defaultReceiptPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}-回执.fzpkg`);
}

const USAGE_PACKAGE =
  'package export --out FILE [--plan ID] [--department 名称]... [--period 2024-Q3]... [--return-to 副本ID] [--passphrase-file F] | package import FILE [--passphrase-file F] [--receipt-out F] | package verify FILE [--passphrase-file F]   交换包';

const pkg: CliCommand = {
  name: 'package',
  usage: USAGE_PACKAGE,
  options: {
    out: 'string',
    plan: 'string',
    department: 'string',
    period: 'string',
    'return-to': 'string',
    label: 'string',
    'passphrase-file': 'string',
    'receipt-out': 'string',
    progress: 'boolean',
  },
  multiple: ['plan', 'department', 'period'],
  async run({ positionals, values, dataDir }, io) {
    const [verb, ...files] = positionals;
    const passphrase = readPassphrase(values);
    const onProgress = progressPrinter(io, values.progress === true);
    if (verb === 'export') {
      const out = stringOpt(values, 'out');
      if (!out) throw new AppError('validation', '请用 --out 指定交换包要保存到的文件,例如 --out 司法局-2024Q3.fzpkg');
      const planIds = list(values, 'plan');
      const departments = list(values, 'department');
      const periods = list(values, 'period');
      const bad = periods.find((p) => !isQuarterId(p));
      if (bad) throw new AppError('validation', `--period 应为季度,例如 2024-Q3(收到“${bad}”)。`);
      const returnTo = stringOpt(values, 'return-to');
      const slice: PackageSlice = {
        ...(planIds.length ? { planIds } : {}),
        ...(departments.length ? { departments } : {}),
        ...(periods.length ? { periods } : {}),
      };
      const kind = returnTo ? 'return' : Object.keys(slice).length ? 'slice' : 'ledger';
      const result = await withStore(dataDir, (db) =>
        exportPackage(db, dataDir, { kind, slice, peerReplicaId: returnTo, label: stringOpt(values, 'label') ?? departments.join('、'), passphrase }, path.resolve(out), { onProgress }),
      );
      io.out(JSON.stringify({ kind, ...result }));
      return 0;
    }
    if (verb === 'import') {
      const file = files[0];
      if (!file) throw new AppError('validation', '请指定要导入的交换包:package import FILE');
      const receiptOut = path.resolve(stringOpt(values, 'receipt-out') ?? defaultReceiptPath(file));
      const result = await withStore(dataDir, async (db) => {
        const r = await importPackage(db, dataDir, path.resolve(file), passphrase, { onProgress });
        const written = writeReceipt(db, r.receipt, r.senderReplicaId, receiptOut);
        return { ...r, receiptFile: written.file };
      });
      io.out(JSON.stringify(result));
      return 0;
    }
    if (verb === 'verify') {
      const file = files[0];
      if (!file) throw new AppError('validation', '请指定要校验的交换包:package verify FILE');
      io.out(JSON.stringify(await verifyPackageFile(dataDir, path.resolve(file), passphrase)));
      return 0;
    }
    throw new AppError('validation', `未知的子命令“${verb ?? ''}”。用法:${USAGE_PACKAGE}`);
  },
};

const receipt: CliCommand = {
  name: 'receipt',
  usage: 'receipt import FILE              导入对方交回的回执,登记交换包已送达',
  options: {},
  async run({ positionals, dataDir }, io) {
    const [verb, file] = positionals;
    if (verb !== 'import' || !file) throw new AppError('validation', '用法:receipt import FILE');
    io.out(JSON.stringify(await withStore(dataDir, (db) => importReceipt(db, dataDir, path.resolve(file)))));
    return 0;
  },
};

export const packageCommands: CliCommand[] = [pkg, receipt];
