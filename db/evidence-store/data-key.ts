// The evidence data key of an encrypted store: 32 random bytes, kept on disk only wrapped by the passphrase (scrypt + AES-256-GCM).
// Changing the passphrase rewraps this key and leaves every evidence file as it is.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../backup/files';
import { derivedOnce, passphraseOf } from '../store-key';

export const EVIDENCE_KEY_FILE = 'evidence-key.json';

/** scrypt N = 2^15, r = 8, p = 1: 32 MiB and about a tenth of a second, once per unlock. */
const KDF = { log2N: 15, r: 8, p: 1 };

interface Wrap {
  salt: string;
  iv: string;
  wrapped: string;
  tag: string;
}

export interface KeyFile {
  format: 1;
  keyId: string;
  kdf: { log2N: number; r: number; p: number };
  /** More than one only while a passphrase change is under way: each opens the same key. */
  wraps: Wrap[];
}

export interface DataKey {
  key: Buffer;
  /** 8 bytes naming the key in every file it encrypts, so a file of another store is told apart from a damaged one. */
  id: Buffer;
}

function keyIdOf(key: Buffer): Buffer {
  return createHmac('sha256', key).update('fazhi-evidence-key-id').digest().subarray(0, 8);
}

function kek(passphrase: string, salt: Buffer, kdf: KeyFile['kdf']): Buffer {
  const N = 2 ** kdf.log2N;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 });
}

function wrap(key: Buffer, passphrase: string, kdf: KeyFile['kdf']): Wrap {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek(passphrase, salt, kdf), iv);
  const wrapped = Buffer.concat([c.update(key), c.final()]);
  return { salt: salt.toString('base64'), iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

function unwrapOne(w: Wrap, passphrase: string, kdf: KeyFile['kdf']): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', kek(passphrase, Buffer.from(w.salt, 'base64'), kdf), Buffer.from(w.iv, 'base64'));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(w.wrapped, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

export function keyFilePath(dir: string): string {
  return path.join(dir, EVIDENCE_KEY_FILE);
}

export function readKeyFile(file: string): KeyFile | null {
  try {
    const k = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
    return k.format === 1 && Array.isArray(k.wraps) ? k : null;
  } catch {
    return null;
  }
}

/** Opens a key file with a passphrase; a wrong one is said plainly. */
export function unwrapKeyFile(k: KeyFile, passphrase: string): DataKey {
  for (const w of k.wraps) {
    const key = unwrapOne(w, passphrase, k.kdf);
    if (key) return { key, id: keyIdOf(key) };
  }
  throw new AppError('wrong_passphrase', '口令不正确,无法解开佐证材料的密钥。请检查大小写和输入法后重试。');
}

/** True when the evidence files of this data folder are (to be) encrypted. */
export function hasEvidenceKey(dataDir: string): boolean {
  return fs.existsSync(keyFilePath(dataDir));
}

/** The data key of a data folder: null when its evidence is plaintext; refuses while the store is locked. */
export function evidenceKey(dataDir: string): DataKey | null {
  const k = readKeyFile(keyFilePath(dataDir));
  if (!k) return null;
  const pass = passphraseOf(dataDir);
  if (pass === null) throw new AppError('passphrase_required', '台账已锁定,佐证材料已加密。请先输入口令解锁。');
  return derivedOnce(dataDir, 'evidence-key', () => unwrapKeyFile(k, pass));
}

/** Makes a new data key wrapped by `passphrase` (store encrypt); an existing key file is kept. */
export function createEvidenceKey(dataDir: string, passphrase: string): void {
  if (hasEvidenceKey(dataDir)) return;
  const key = randomBytes(32);
  const file: KeyFile = { format: 1, keyId: keyIdOf(key).toString('hex'), kdf: KDF, wraps: [wrap(key, passphrase, KDF)] };
  writeFileAtomic(keyFilePath(dataDir), JSON.stringify(file));
}

/**
 * First step of a passphrase change: the key wrapped by both passphrases, so a crash between this and the
 * database's rekey leaves evidence readable with whichever passphrase then opens the database.
 */
export function addWrap(dataDir: string, oldPass: string, newPass: string): void {
  const k = readKeyFile(keyFilePath(dataDir));
  if (!k) return;
  const dk = unwrapKeyFile(k, oldPass);
  k.wraps = [wrap(dk.key, newPass, k.kdf), ...k.wraps];
  writeFileAtomic(keyFilePath(dataDir), JSON.stringify(k));
}

/** Last step of a passphrase change: only the wrap the new passphrase opens is kept. */
export function keepOnlyWrap(dataDir: string, passphrase: string): void {
  const k = readKeyFile(keyFilePath(dataDir));
  if (!k) return;
  const keep = k.wraps.filter((w) => unwrapOne(w, passphrase, k.kdf) !== null);
  if (!keep.length) throw new AppError('wrong_passphrase', '新口令无法解开佐证材料的密钥,口令更换未完成。请用旧口令重新执行 store rekey。');
  k.wraps = keep;
  writeFileAtomic(keyFilePath(dataDir), JSON.stringify(k));
}
