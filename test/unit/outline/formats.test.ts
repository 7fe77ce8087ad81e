// The seeds as office tools wrote them (docx, doc, html, pdf, GB18030), read by the project's
// readers: the parser must give the same measures as from the UTF-8 seed text.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutlineFile } from '../../../electron/services/readers';
import { parseOutline } from '../../../shared/outline/index';
import type { ParsedDocument } from '../../../shared/outline/types';
import { PAGE_ARTIFACT, parseSeed, SEEDS } from './helpers';

async function parseFixture(name: string): Promise<ParsedDocument> {
  const doc = await readOutlineFile(path.join(SEEDS, name));
  const out = parseOutline(doc.text);
  expect(out.documents).toHaveLength(1);
  return out.documents[0]!;
}

const fields = (d: ParsedDocument) => d.items.map((m) => ({ path: m.path, title: m.title, lead: m.lead, responsible: m.responsible, deadline: m.deadline, targets: m.targets }));

describe('office formats of the seeds', () => {
  const caoxian = parseSeed('001_9b9a54170b52034a.txt').documents[0]!;
  const yancheng = parseSeed('003_244a23676422eee3.txt').documents[0]!;

  it.each(['caoxian.docx', 'caoxian.html'])('%s gives exactly the seed’s outline', async (name) => {
    expect(await parseFixture(name)).toEqual(caoxian);
  });

  it.each(['yancheng.doc', 'yancheng-gb18030.txt'])('%s gives exactly the seed’s outline', async (name) => {
    expect(await parseFixture(name)).toEqual(yancheng);
  });

  it('caoxian.pdf (pdf.js lines, page numbers, radicals) gives the same 37 measures', async () => {
    const doc = await parseFixture('caoxian.pdf');
    expect(doc.title).toBe(caoxian.title);
    expect(doc.deadline).toBe('2019年年底前');
    expect(fields(doc)).toEqual(fields(caoxian));
    // Only paragraph breaks may differ where a PDF line ended exactly at a full stop.
    expect(doc.items.map((m) => m.text.replace(/\n/g, ''))).toEqual(caoxian.items.map((m) => m.text));
    expect(JSON.stringify(doc).match(PAGE_ARTIFACT)).toBeNull();
    expect(JSON.stringify(doc)).not.toMatch(/[\u2E80-\u2FDF]/);
  });
});
