// Store commands: `store encrypt --passphrase-file F` (database and evidence), `store rekey --passphrase-file F --new-passphrase-file G`.
import fs from 'node:fs';
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { closeStore, openStore } from '../../../db/open';
import { isEncrypted, markEncrypted, passphraseOf, rekey, setPassphrase } from '../../../db/store-key';
import { backupFolder, readManifests } from '../../../db/backup/index';
import { backupBeforeMigration } from '../../../db/backup/index';
import { addWrap, createEvidenceKey, evidenceKey, keepOnlyWrap } from '../../../db/evidence-store/data-key';
import { encryptExistingEvidence } from '../../../db/evidence-store/encrypt-existing';

const USAGE = 'store encrypt --passphrase-file 文件 | store rekey --passphrase-file 文件 --new-passphrase-file 文件   加密台账或更换口令';
const MIN_LENGTH = 8;

/** A passphrase file's first line (trailing newline and spaces dropped); too short is refused. */
export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', `无法读取口令文件“${file}”。请确认文件存在且有读取权限。`);
  }
  const pass = (text.split(/\r?\n/)[0] ?? '').trimEnd();
  if (!pass) throw new AppError('validation', `口令文件“${file}”是空的。请在第一行写入口令。`);
  return pass;
}

function checkNew(pass: string): void {
  if ([...pass].length < MIN_LENGTH) throw new AppError('validation', `口令至少需要 ${MIN_LENGTH} 个字符。请换一个更长的口令。`);
}

const store: CliCommand = {
  name: 'store',
  usage: USAGE,
  options: { 'new-passphrase-file': 'string' },
  async run({ positionals, values, dataDir }, io) {
    const sub = positionals[0];
    if (sub === 'encrypt') {
      const pass = passphraseOf(dataDir);
      if (pass === null) throw new AppError('validation', '请用 --passphrase-file 指定新口令所在的文件。');
      const already = isEncrypted(dataDir);
      if (!already) {
        checkNew(pass);
        // Opened as the plaintext store it still is; the keyring entry is for after.
        setPassphrase(dataDir, null);
        await backupBeforeMigration(dataDir);
        const db = openStore(dataDir);
        try {
          rekey(db, pass);
          markEncrypted(dataDir, true);
        } finally {
          closeStore(db);
        }
        setPassphrase(dataDir, pass);
      } else {
        // Already encrypted: the passphrase must open it; then the evidence is (finished being) encrypted.
        closeStore(openStore(dataDir));
      }
      createEvidenceKey(dataDir, pass);
      const evidence = await encryptExistingEvidence(dataDir, evidenceKey(dataDir)!);
      if (already && evidence.encryptedFiles === 0) throw new AppError('conflict', '该台账及其佐证材料已经加密。要更换口令,请用 store rekey。');
      const plain = readManifests(backupFolder(dataDir)).filter((m) => !m.encrypted).length;
      io.out(JSON.stringify({ encrypted: true, evidenceFilesEncrypted: evidence.encryptedFiles, evidenceBytes: evidence.bytes, plaintextBackups: plain }));
      io.err(`台账数据库和 ${evidence.encryptedFiles} 个佐证材料文件已加密。请牢记口令:忘记口令将无法打开台账。`);
      if (plain) io.err(`备份文件夹中还有 ${plain} 个加密前的备份,它们未加密;如需防范丢失笔记本或U盘,请删除或另行妥善保管。`);
      return 0;
    }
    if (sub === 'rekey') {
      if (!isEncrypted(dataDir)) throw new AppError('validation', '该台账尚未加密。请先用 store encrypt 加密。');
      const file = stringOpt(values, 'new-passphrase-file');
      if (!file) throw new AppError('validation', '请用 --new-passphrase-file 指定新口令所在的文件。');
      const next = readPassphraseFile(file);
      checkNew(next);
      const old = passphraseOf(dataDir);
      const db = openStore(dataDir);
      try {
        // The evidence key is wrapped by both passphrases across the database's rekey, then by the new one only:
        // no evidence file is rewritten, and a crash at any step leaves everything readable.
        if (old !== null) addWrap(dataDir, old, next);
        rekey(db, next);
      } finally {
        closeStore(db);
      }
      setPassphrase(dataDir, next);
      keepOnlyWrap(dataDir, next);
      io.out(JSON.stringify({ rekeyed: true }));
      io.err('口令已更换。此前的备份仍使用旧口令。');
      return 0;
    }
    throw new AppError('validation', `未知的子命令“${sub ?? ''}”。用法:${USAGE}`);
  },
};

export const storeCommands: CliCommand[] = [store];
