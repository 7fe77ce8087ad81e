// What the importing thread asks of the thread copying a package's evidence files; the answer comes back through
// worker-state.ts.

export interface BlobJob {
  sha256: string;
  size: number;
  /** The temporary file to write. */
  tmp: string;
  /** Where the file goes in the store once every file is copied, checked and synced. */
  target: string;
}

export interface EvidenceCopyRequest {
  packageFile: string;
  jobs: BlobJob[];
  /** The data key of an encrypted store: files are encrypted as they are written. */
  key: { key: Uint8Array; id: Uint8Array } | null;
  /** Files go past the page cache where the system allows it (db/evidence-store/unbuffered.ts). */
  unbuffered: boolean;
  shared: SharedArrayBuffer;
}
