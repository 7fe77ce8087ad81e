// Corrections in the import preview: the list the clerk commits after editing, splitting, merging, adding and deleting.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseOutline } from '../../../shared/outline/index';
import { addAfter, editDraft, freeNumber, initialDraft, isChanged, mergeWithNext, removeFromDraft, splitDraft } from '../../../renderer/src/screens/import/draft';

const text = fs.readFileSync(path.join(__dirname, '../../fixtures/outlines/decimal-under-cn.txt'), 'utf8');
const parsed = parseOutline(text).documents[0]!.items;
const keyOf = (d: ReturnType<typeof initialDraft>, p: string): number => d.items.find((x) => x.measure.path.join('/') === p)!.key;

describe('preview draft', () => {
  it('starts as the parsed list and unchanged', () => {
    const d = initialDraft(parsed);
    expect(d.items.map((x) => x.measure)).toEqual(parsed);
    expect(isChanged(d)).toBe(false);
  });

  it('splits a measure at an offset: the second half follows it as 之二 with the same units', () => {
    const d0 = initialDraft(parsed);
    const m = parsed.find((x) => x.path.join('/') === '一/1.1')!;
    const at = m.text.indexOf('每半年');
    const d = splitDraft(d0, keyOf(d0, '一/1.1'), at);
    expect(d.items).toHaveLength(parsed.length + 1);
    const [a, b] = [d.items[0]!.measure, d.items[1]!.measure];
    expect(a.text).toBe(m.text.slice(0, at).trim());
    expect(b.path).toEqual(['一', '1.1之二']);
    expect(b.text.startsWith('每半年召开一次专题会议')).toBe(true);
    expect(b.title).toBe('每半年召开一次专题会议');
    expect(b.lead).toEqual(m.lead);
    expect(b.responsible).toEqual(m.responsible);
    // Splitting again gives a number no other measure has.
    const again = splitDraft(d, d.items[0]!.key, 4);
    expect(again.items.map((x) => x.measure.path.join('/')).filter((p) => p.startsWith('一/1.1'))).toEqual(['一/1.1', '一/1.1之三', '一/1.1之二']);
    expect(() => splitDraft(d0, keyOf(d0, '一/1.1'), 0)).toThrow(RangeError);
  });

  it('merges a measure with the next: text joined, units united, first deadline kept', () => {
    const d0 = initialDraft(parsed);
    const d = mergeWithNext(d0, keyOf(d0, '二/2.1/(1)'));
    expect(d.items).toHaveLength(parsed.length - 1);
    const m = d.items.find((x) => x.measure.path.join('/') === '二/2.1/(1)')!;
    expect(m.change).toBe('merged');
    expect(m.measure.responsible).toEqual(['街道综合办', '街道司法所']);
    expect(m.measure.deadline).toBe('2025年3月底前');
    expect(m.measure.text).toContain('决策前开展风险评估');
    expect(d.items.some((x) => x.measure.path.join('/') === '二/2.1/(2)')).toBe(false);
    const last = d.items[d.items.length - 1]!.key;
    expect(() => mergeWithNext(d, last)).toThrow(RangeError);
  });

  it('adds after a measure under its heading, deletes one, edits one', () => {
    let d = initialDraft(parsed);
    const anchor = d.items[1]!;
    const number = freeNumber(d, anchor.measure);
    expect(number).toBe('1.2之二');
    d = addAfter(d, anchor.key, { number, title: '开展法治建设年度考核', lead: ['街道党工委办公室'], responsible: [], deadline: '年底前' });
    expect(d.items[2]!.measure).toMatchObject({ path: ['一', '1.2之二'], title: '开展法治建设年度考核', lead: ['街道党工委办公室'], deadline: '年底前' });
    d = removeFromDraft(d, keyOf(d, '三/3.1'));
    expect(d.removed.map((m) => m.title)).toEqual([parsed[parsed.length - 1]!.title]);
    d = editDraft(d, keyOf(d, '一/1.2'), { lead: ['街道司法所'] });
    expect(d.items[1]!.measure.lead).toEqual(['街道司法所']);
    expect(d.items[1]!.change).toBe('edited');
    expect(d.items).toHaveLength(parsed.length);
    expect(isChanged(d)).toBe(true);
  });
});
