// SHA-256 for the audit chain and deterministic ids (Node's crypto; shared/sync takes the function as an argument).
import crypto from 'node:crypto';

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh replica id: 16 hex digits, the node part of every HLC this store stamps. */
export function newReplicaId(): string {
  return crypto.randomBytes(8).toString('hex');
}
