// The history's word-level diff: what changed in a long narrative, not the cut ends of both texts.
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../shared/word-diff';

describe('word diff', () => {
  it('marks the words added and removed in the middle of a long text', () => {
    const before = '本季度召开行政复议工作推进会,全区受理行政复议案件12件,办结10件,其余正在审理。';
    const after = '本季度召开行政复议工作推进会,全区受理行政复议案件14件,办结12件,其余正在审理,无超期案件。';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    const removed = parts.filter((p) => p.kind === 'removed').map((p) => p.text).join('|');
    const added = parts.filter((p) => p.kind === 'added').map((p) => p.text).join('|');
    expect(removed).toMatch(/12.*10/);
    expect(added).toMatch(/14.*12.*无超期案件/);
    // Only the changed words: the unchanged opening is one untouched part.
    expect(parts[0]).toEqual({ kind: 'same', text: '本季度召开行政复议工作推进会,全区受理行政复议案件' });
    expect(removed.length + added.length).toBeLessThan(30);
  });
});
