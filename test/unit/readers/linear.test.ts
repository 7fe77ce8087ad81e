// Reading and parsing time grows linearly with the input: 1×, 4× and 16× the same content, ratio within 2× of linear.
import { describe, expect, it } from 'vitest';
import { readOutlineBuffer } from '../../../electron/services/readers/index';
import { parseOutline } from '../../../shared/outline/index';
import { buildDocx, p } from './docx-builder';
import { buildPdf, textPage } from './pdf-builder';
import { seedText } from './helpers';

const SEED = seedText('003_244a23676422eee3.txt');
const LINES = SEED.split(/\r?\n/).filter((l) => l.trim() !== '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

type Make = (copies: number) => Buffer | Promise<Buffer>;

const formats: [string, string, Make][] = [
  ['txt', 'x.txt', (n) => Buffer.from(Array.from({ length: n }, () => SEED).join('\n'))],
  ['html', 'x.html', (n) => Buffer.from(`<html><body>${Array.from({ length: n }, () => LINES.map((l) => `<p>${esc(l)}</p>`).join('')).join('')}</body></html>`)],
  // The hostile shape from the issue: one enormous line of inline text, where a look-back at the output was quadratic.
  // 1× is 12,800 elements (≈ 0.3 MB): below that the reader's whole tree fits the young generation and the first 4× step
  // measures the garbage collector changing regime (≈ 6–8.5× for 5 ms), not the reader.
  ['html-one-line', 'y.html', (n) => Buffer.from(`<html><body><p>${Array.from({ length: n * 3200 }, (_, i) => `<span> 第${i}项 </span>`).join('')}</p></body></html>`)],
  ['docx', 'x.docx', (n) => buildDocx({ body: Array.from({ length: n }, () => LINES.map((l) => p(esc(l))).join('')).join('') })],
  // PDF text is ASCII here (the builder uses Helvetica); pages scale with the copies.
  ['pdf', 'x.pdf', (n) => buildPdf(Array.from({ length: n }, (_, i) => textPage(Array.from({ length: 40 }, (_, j) => `${j + 1}. Measure ${i}-${j} of the plan is carried out`))))],
];

/** Best of five CPU times (not wall time: the machine is shared, and other processes' load is not ours). */
async function timeOf(buf: Buffer, name: string): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.cpuUsage();
    const doc = await readOutlineBuffer(buf, name);
    parseOutline(doc.text);
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

describe('linear time', () => {
  for (const [label, name, make] of formats) {
    // Two more tries: on a shared machine one step can catch a major garbage collection the other missed (seen up to
    // 8.6× for a 4× step of a linear reader once); a quadratic reader fails every try (≈ 16× per step).
    it(`${label}: 16× the content takes at most 2 × 16× the time`, { retry: 2 }, async () => {
      // 1× is four copies of a real outline (~60 KB), large enough that start-up costs do not hide the slope.
      const sizes = [4, 16, 64];
      const bufs = await Promise.all(sizes.map((n) => make(n)));
      await timeOf(bufs[1]!, name); // warm up the code paths (and pdf.js) before timing
      const times: number[] = [];
      for (const b of bufs) times.push(await timeOf(b, name));
      const r4 = times[1]! / times[0]!;
      const r16 = times[2]! / times[0]!;
      process.stdout.write(`${JSON.stringify({ linear: label, bytes: bufs.map((b) => b.length), ms: times.map((t) => Math.round(t)), ratio4: +r4.toFixed(2), ratio16: +r16.toFixed(2) })}\n`);
      // Each step of 4× costs at most 2 × 4× the time. The steps are judged one by one rather than 16× against 1×:
      // on a shared machine the garbage collector's pauses on the largest page tree alone can push 16×/1× just past 32
      // while every step stays linear, and a quadratic term shows in the 16×/4× step where start-up costs no longer hide it.
      expect(r4).toBeLessThanOrEqual(2 * 4);
      expect(times[2]! / times[1]!).toBeLessThanOrEqual(2 * 4);
    });
  }
});
