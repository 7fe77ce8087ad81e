// SHA-256 for the audit chain and deterministic ids (Node's crypto; shared/sync takes the function as an argument).
import crypto from 'node:crypto';

// Node's one-shot hash (20.12+, typed only in newer @types/node) is about three times faster than createHash for the
// short texts of the audit chain, where a package's check hashes every one of its hundred thousand operations.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh replica id: 16 hex digits, the node part of every HLC this store stamps. */
export function newReplicaId(): string {
  return crypto.randomBytes(8).toString('hex');
}
