// The package container: one SQLite file holding the manifest, the operations and the evidence files in chunks.
//
// Tables: meta(key, value) with the manifest and its SHA-256; ops(seq, body) with one operation as JSON per row;
// blobs(id, sha256, part, data) with each evidence file cut in 1 MiB pieces; in a whole-ledger package (format 2) also
// snapshot(part, data), the ledger's tables as a SQLite file cut the same way. The ops part's hash covers every body in
// order (body + "\n"), each evidence file's hash is its name, the snapshot's hash is listed with its size, and the
// manifest lists them all, so a reader can check every byte against the manifest.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { cancelledError, slices, writeAllSync } from '../../../db/evidence-store/write';
import { FORMAT_NAME, FORMAT_VERSION, manifestSchema, type Manifest } from './manifest';
import { damaged } from './crypto';
import { OPS_TABLE, OpsPartHash, type OpsPart } from './ops-file';

export const BLOB_CHUNK = 1024 * 1024;
/** How much evidence is copied in between background write-outs of the package file. */
const SYNC_EVERY = 64 * 1024 * 1024;

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE ${OPS_TABLE};
  CREATE TABLE blobs (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL) STRICT;
`;
// Built once at the end: big pieces appended in rowid order write straight through, an index kept meanwhile would not.
const BLOB_INDEX = 'CREATE UNIQUE INDEX blobs_part ON blobs(sha256, part)';

function sha256Hex(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The hash of the operations' part: every body followed by a newline, in order. */
export function opsPartHash(bodies: readonly string[]): string {
  const h = new OpsPartHash();
  bodies.forEach((b) => h.add(b));
  return h.hex();
}

/** Writes a new package file; the caller renames it into place once finish() returns. */
export class PackageWriter {
  private readonly db: Database.Database;
  private opsSha256: string | null = null;
  private opCount = 0;
  private readonly insertPart: Database.Statement;
  readonly blobs: { sha256: string; size: number }[] = [];
  private readonly buf = Buffer.alloc(BLOB_CHUNK);
  /** A second handle on the file, to have the disk write evidence out while more is copied in (see addBlob). */
  private syncFd: number | null = null;
  private syncing: Promise<void> | null = null;
  private unsynced = 0;

  constructor(private readonly file: string) {
    if (fs.existsSync(file)) fs.rmSync(file);
    this.db = new Database(file);
    // A temporary file fsynced once at the end: no journal, no syncs on the way.
    this.db.pragma('page_size = 65536');
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // One writer, and a small page cache: pieces of evidence go straight to the file instead of being
    // re-locked and kept around (about three times faster for big evidence).
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('cache_size = -1024');
    this.db.exec(SCHEMA);
    this.insertPart = this.db.prepare('INSERT INTO blobs (sha256, part, data) VALUES (?, ?, ?)');
  }

  /** Takes in the operations' part from its side file (once per package), record for record. */
  addOps(part: OpsPart): void {
    if (this.opsSha256 !== null) throw new Error('a package holds one operations part');
    this.db.prepare('ATTACH DATABASE ? AS part').run(part.file);
    try {
      // The same table on both sides: SQLite copies the records as they are, without decoding them.
      const n = this.db.prepare('INSERT INTO ops SELECT * FROM part.ops').run().changes;
      if (n !== part.count) throw new Error(`operations part holds ${n} rows, ${part.count} expected`);
    } finally {
      this.db.exec('DETACH DATABASE part');
    }
    this.opsSha256 = part.sha256;
    this.opCount = part.count;
  }

  /**
   * Copies one stored evidence file in. Its bytes are not re-hashed here: the store names files by their hash and the
   * receiver checks every byte against that name before anything is written, so a damaged file is refused there with a
   * clear message; hashing here as well would make exporting CPU-bound (twice the time of copying on our PCs).
   */
  async addBlob(
    sha256: string,
    source: string | ((buf: Buffer) => Iterable<Buffer>),
    o: { signal?: AbortSignal | undefined; onBytes?: (n: number) => void } = {},
  ): Promise<void> {
    // Synchronous reads of 1 MiB pieces, with a turn for the event loop (and cancel) between pieces: under load this is
    // several times faster than a read stream, whose every piece waits for the thread pool and the event loop.
    // A function source hands plaintext pieces (an encrypted store decrypts its files that way).
    const pieces = typeof source === 'string' ? filePieces(source, this.buf) : source(this.buf);
    let part = 0;
    let size = 0;
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      this.insertPart.run(sha256, part++, piece);
      size += piece.length;
      this.unsynced += piece.length;
      if (this.unsynced >= SYNC_EVERY && !this.syncing) this.startSync();
      o.onBytes?.(piece.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (o.signal?.aborted) throw cancelledError();
    }
    // An empty file still has its one (empty) part.
    if (part === 0) this.insertPart.run(sha256, part++, Buffer.alloc(0));
    this.blobs.push({ sha256, size });
  }

  /**
   * Starts writing what is in the page cache out to disk on the thread pool. Without it the kernel would hold a
   * gigabyte of evidence in memory and the final fsync would write all of it while nothing else happens; with it the
   * disk writes while this thread copies, and the final fsync has little left to do.
   */
  private startSync(): void {
    this.unsynced = 0;
    this.syncFd ??= fs.openSync(this.file, 'r+');
    const fd = this.syncFd;
    this.syncing = new Promise<void>((resolve) => fs.fdatasync(fd, () => resolve())).then(() => {
      this.syncing = null;
    });
  }

  /** Waits for a background write-out begun by addBlob; the final fsync in finish() is what makes the file durable. */
  async settle(): Promise<void> {
    await this.syncing;
    if (this.syncFd !== null) fs.closeSync(this.syncFd);
    this.syncFd = null;
  }

  /** Takes in a whole ledger's snapshot file (see db/sync/snapshot.ts), hashing it on the way; once per package. */
  addSnapshot(file: string): { sha256: string; size: number } {
    this.db.exec('CREATE TABLE snapshot (part INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
    const put = this.db.prepare('INSERT INTO snapshot (part, data) VALUES (?, ?)');
    const hash = createHash('sha256');
    let size = 0;
    let part = 0;
    for (const piece of filePieces(file, this.buf)) {
      put.run(part++, piece);
      hash.update(piece);
      size += piece.length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  opsPart(): { sha256: string; count: number } {
    return { sha256: this.opsSha256 ?? opsPartHash([]), count: this.opCount };
  }

  /** Writes the manifest, closes and fsyncs the file. */
  finish(manifest: Manifest): void {
    const json = JSON.stringify(manifest);
    this.db.exec(BLOB_INDEX);
    const put = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    put.run('format', `${FORMAT_NAME}/${manifest.formatVersion}`);
    put.run('manifest', json);
    put.run('manifest_sha256', sha256Hex(json));
    this.db.close();
    fsyncFile(this.file);
  }

  abort(): void {
    if (this.db.open) this.db.close();
    // A write-out still running keeps its handle until it ends; the file is removed either way.
    const fd = this.syncFd;
    this.syncFd = null;
    if (fd !== null) void (this.syncing ?? Promise.resolve()).then(() => fs.close(fd, () => undefined));
    fs.rmSync(this.file, { force: true });
  }
}

export function newerFormat(v: number): AppError {
  return new AppError('validation', `该交换包由更新版本的法治台账生成(包格式 ${v},本程序支持到 ${FORMAT_VERSION})。请升级法治台账后再导入。`);
}

function notAPackage(detail: string): AppError {
  return new AppError('unsupported_file', '所选文件不是法治台账的交换包,或已损坏。请确认选择的是 .fzpkg 交换包文件。', detail);
}

/** Reads a package file that is not encrypted (or already decrypted); every check throws a Chinese AppError. */
export class PackageReader {
  private readonly db: Database.Database;
  readonly manifest: Manifest;

  constructor(readonly file: string) {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      this.db = db;
      // Evidence pieces span many pages; a bigger cache reads them in fewer, larger steps.
      db.pragma('cache_size = -16384');
      const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      const format = meta.get('format') ?? '';
      const m = /^fazhi-ledger-package\/(\d+)$/.exec(format);
      if (!m) throw notAPackage(`format marker ${format.slice(0, 60)}`);
      if (Number(m[1]) > FORMAT_VERSION) throw newerFormat(Number(m[1]));
      const json = meta.get('manifest') ?? '';
      if (sha256Hex(json) !== meta.get('manifest_sha256')) throw damaged('manifest hash');
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch {
        throw damaged('manifest json');
      }
      const parsed = manifestSchema.safeParse(raw);
      if (!parsed.success) {
        const v = (raw as { formatVersion?: unknown } | null)?.formatVersion;
        if (typeof v === 'number' && v > FORMAT_VERSION) throw newerFormat(v);
        throw damaged(`manifest: ${parsed.error.issues[0]?.message ?? ''}`);
      }
      if (parsed.data.formatVersion > FORMAT_VERSION) throw newerFormat(parsed.data.formatVersion);
      this.manifest = parsed.data;
    } catch (e) {
      if (db?.open) db.close();
      if (e instanceof AppError) throw e;
      throw notAPackage(String(e));
    }
  }

  /**
   * The operations in order, checked against the manifest's count and hash, each text turned into its value by `parse`
   * (which throws what is wrong with it).
   */
  readOps<T = unknown>(parse: (body: string) => T = (body) => JSON.parse(body) as T): T[] {
    const hash = new OpsPartHash();
    const ops: T[] = [];
    let expectSeq = 0;
    // Each body parsed as it is read and then dropped: holding a hundred thousand bodies as well as their objects
    // doubles the memory the garbage collector has to go through.
    for (const [seq, body] of this.db.prepare('SELECT seq, body FROM ops ORDER BY seq').raw().iterate() as Iterable<[number, string]>) {
      if (seq !== expectSeq++) throw damaged('ops sequence has a gap');
      hash.add(body);
      try {
        ops.push(parse(body));
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw damaged('op json');
      }
    }
    if (ops.length !== this.manifest.parts.ops.count) throw damaged('ops part count');
    if (hash.hex() !== this.manifest.parts.ops.sha256) throw damaged('ops part hash');
    return ops;
  }

  /** The pieces of one evidence file in order. */
  *blobChunks(sha256: string): Generator<Buffer> {
    for (const r of this.db.prepare('SELECT part, data FROM blobs WHERE sha256 = ? ORDER BY part').iterate(sha256) as Iterable<{ part: number; data: Buffer }>) {
      yield r.data;
    }
  }

  /** The same pieces as a stream, giving the event loop a turn between them. */
  async *blobStream(sha256: string): AsyncGenerator<Buffer> {
    for (const chunk of this.blobChunks(sha256)) {
      yield chunk;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Hands the snapshot's bytes to `sink` slice by slice as they are hashed, then checks the whole against the manifest. */
  private readSnapshot(sink: (piece: Buffer) => void): void {
    const want = this.manifest.parts.snapshot;
    if (!want) throw new Error('package carries no snapshot');
    if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshot'").get()) throw damaged('snapshot part missing');
    const hash = createHash('sha256');
    let size = 0;
    let part = 0;
    for (const r of this.db.prepare('SELECT part, data FROM snapshot ORDER BY part').iterate() as Iterable<{ part: number; data: Buffer }>) {
      if (r.part !== part++) throw damaged('snapshot missing a piece');
      for (const slice of slices(r.data)) {
        hash.update(slice);
        sink(slice);
      }
      size += r.data.length;
    }
    if (size !== want.size || hash.digest('hex') !== want.sha256) throw damaged('snapshot content');
  }

  /**
   * Writes the whole-ledger snapshot to `dest` (a temporary file of the importer's, removed by it); throws a Chinese
   * AppError when its bytes are not those the manifest lists.
   */
  extractSnapshot(dest: string): void {
    const fd = fs.openSync(dest, 'w', 0o600);
    try {
      this.readSnapshot((piece) => writeAllSync(fd, piece));
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Checks the snapshot's bytes, when the package has one, without writing them anywhere (package verify). */
  verifySnapshot(): void {
    if (this.manifest.parts.snapshot) this.readSnapshot(() => undefined);
  }

  /** Checks that the file holds exactly the evidence the manifest lists, each with the right bytes. */
  async verifyBlobs(o: { signal?: AbortSignal | undefined; onBytes?: (n: number) => void } = {}): Promise<void> {
    const listed = new Set(this.manifest.parts.blobs.map((b) => b.sha256));
    const present = this.db.prepare('SELECT DISTINCT sha256 FROM blobs').pluck().all() as string[];
    if (present.length !== listed.size || present.some((s) => !listed.has(s))) throw damaged('blob set differs from the manifest');
    for (const b of this.manifest.parts.blobs) {
      const hash = createHash('sha256');
      let size = 0;
      let part = 0;
      for (const r of this.db.prepare('SELECT part, data FROM blobs WHERE sha256 = ? ORDER BY part').iterate(b.sha256) as Iterable<{ part: number; data: Buffer }>) {
        if (r.part !== part++) throw damaged(`blob ${b.sha256} missing a piece`);
        hash.update(r.data);
        size += r.data.length;
        o.onBytes?.(r.data.length);
        // Give the event loop (and cancel) a turn between pieces of big files.
        if (part % 16 === 0) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (o.signal?.aborted) throw cancelledError();
        }
      }
      if (size !== b.size || hash.digest('hex') !== b.sha256) throw damaged(`blob ${b.sha256} content`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function* filePieces(file: string, buf: Buffer): Generator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, BLOB_CHUNK, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}
