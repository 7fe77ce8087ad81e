// Hand-written outlines, one structure each: every measure's path, title, units and deadline, exactly.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/outline/index';
import { compact, expectedFixtures } from './expected';
import { PAGE_ARTIFACT } from './helpers';

const fixtures = expectedFixtures();

describe('hand-written outlines', () => {
  it('has forty or more of them', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const out = parseOutline(f.text);
    // A file with nothing but an attached form may give no document at all.
    if (!f.expected.measures.length && !out.documents.length) return;
    expect(out.documents).toHaveLength(1);
    const doc = out.documents[0]!;
    expect(compact(doc)).toEqual(f.expected.measures);
    if (f.expected.title !== undefined) expect(doc.title).toBe(f.expected.title);
    for (const [p, targets] of Object.entries(f.expected.targets ?? {})) {
      expect(doc.items.find((m) => m.path.join('/') === p)?.targets).toEqual(targets);
    }
    expect(JSON.stringify(doc.items).match(PAGE_ARTIFACT)).toBeNull();
    const texts = doc.items.map((m) => m.text).join('\n');
    for (const a of f.expected.absent ?? []) expect(texts).not.toContain(a);
  });
});
