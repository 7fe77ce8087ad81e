// Shared helpers for reader tests: fixtures, seed measure lines, and an assertion that a call fails with a given AppError code.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { fixture as fixturePath } from '../../helpers/cli';

export { fixturePath };

export function fixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

export function seedText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Lines of a seed that start a numbered measure ("1.明确政府职能定位。…"), leading spaces/nbsp removed. */
export function measureLines(seed: string): string[] {
  return seed
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u00a0\u3000]+/, ''))
    .filter((l) => /^\d+[.．、]/.test(l));
}

export function squashSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * What pdf.js returns for some CJK glyphs: Kangxi radicals (NFKC maps them) and CJK Radicals Supplement
 * forms plus 戶, which NFKC leaves alone, so they are mapped here by hand for comparison only.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = { '⺠': '民', '⻔': '门', '⻢': '马', '⻛': '风', '⻅': '见', '⻓': '长', '⻬': '齐', '⻚': '页', '戶': '户' };

export function pdfComparable(s: string): string {
  return s
    .replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff戶]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c)
    .replace(/[\s\u00a0\u3000]+/g, '');
}

/** Awaits the promise and checks it rejects with an AppError of this code and a Chinese message. */
export async function expectAppError(p: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a rejection').toBeInstanceOf(AppError);
  const err = caught as AppError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(/[\u4e00-\u9fff]/);
  expect(err.message).toMatch(/请/);
  expect(err.detail ?? '').not.toBe('');
  return err;
}
