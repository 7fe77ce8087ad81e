// Messages between the reading worker and the process that started it.
import type { ErrorCode } from '../../../shared/errors';
import type { ParsedOutline } from '../../../shared/outline/types';
import type { ReadDocument } from './index';

export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  /** 'outline' (default): read and parse an outline; 'text': only the words of an evidence file. */
  mode?: 'outline' | 'text';
}

export type WorkerReply =
  | { type: 'progress'; fraction: number; step: 'read' | 'parse' }
  | { type: 'done'; source: Omit<ReadDocument, 'text'>; outline: ParsedOutline }
  | { type: 'text'; text: string }
  | { type: 'error'; code: ErrorCode; message: string; detail: string | null };
