// The content-addressed evidence store: <dataDir>/evidence/ab/<sha256>, read-only files, metadata in SQLite.
export { blobPath, evidenceRoot, isSha256, maxEvidenceBytes, humanSize, tmpDir, DEFAULT_MAX_EVIDENCE_BYTES } from './paths';
export { storeFile, storeStream, checkSourceFile, releaseBlob, holdBlob, tooLarge, cancelledError, type StoredBlob } from './write';
export { openEvidenceStore, sweepTmp, listBlobs, removeBlob, inFlight } from './sweep';
export { verifyBlobs, hashFile, type BlobState } from './verify';
export { detectMime, kindOf, servedType, EVIDENCE_KINDS, type EvidenceKind } from './mime';
export { attachPaths, attachStream, cleanName, type FileMeta, type AttachTarget } from './attach';
export { verifyStore, cleanupStore, CLEANUP_GRACE_MS } from './check';
