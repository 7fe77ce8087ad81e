// The content-addressed evidence store: <dataDir>/evidence/ab/<sha256>, read-only files, metadata in SQLite.
export { blobPath, isSha256, maxEvidenceBytes, tmpDir, DEFAULT_MAX_EVIDENCE_BYTES } from './paths';
export { tooLarge } from './write';
export { openEvidenceStore, sweepTmp } from './sweep';
export { detectMime, servedType } from './mime';
export { attachPaths, attachStream, cleanName, reuseEvidence } from './attach';
export { verifyStore, cleanupStore } from './check';
export { evidenceKey, hasEvidenceKey } from './data-key';
export { blobChunks, blobChunksSync, blobSize, hashBlob, readBlob } from './read';
