// The .docx re-opened: A4, GB/T 9704 margins, fonts with eastAsia names, exact line spacing, headings, page number field.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildLedger } from './fixture';
import { produceReport } from '../../../electron/services/reports/produce';

async function open(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { zip, document: await read('word/document.xml'), styles: await read('word/styles.xml'), fontTable: await read('word/fontTable.xml'), footers: await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read)) };
}

/** The texts of the paragraphs that carry a given paragraph style. */
function styled(documentXml: string, style: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? []) {
    if (!p.includes(`<w:pStyle w:val="${style}"/>`)) continue;
    out.push((p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));
  }
  return out;
}

function styleBlock(stylesXml: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
}

describe('annual report .docx', () => {
  const { db } = buildLedger();
  const produced = produceReport(db, { period: '2024', kind: 'annual', format: 'docx', issuer: '某区人民政府', date: '2025-01-15', asOf: '2024-12-31' });

  it('is A4 with the margins of GB/T 9704', async () => {
    const { document } = await open((await produced).bytes);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
    const attr = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)![1]);
    // 37, 35, 28, 26 mm in twips, to the twip.
    expect(attr('top')).toBe(2098);
    expect(attr('bottom')).toBe(1984);
    expect(attr('left')).toBe(1587);
    expect(attr('right')).toBe(1474);
  });

  it('names the official fonts with eastAsia attributes, sizes and exact 29 pt lines', async () => {
    const { document, styles, fontTable } = await open((await produced).bytes);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>[\s\S]*<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"/);
    expect(styleBlock(styles, 'Heading1')).toContain('w:eastAsia="黑体"');
    expect(styleBlock(styles, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(styleBlock(styles, 'Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>[\s\S]{0,200}<w:sz w:val="44"\/>/);
    expect(document).toMatch(/<w:jc w:val="center"\/>[\s\S]{0,400}方正小标宋简体/);
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('has the structure of the 2019 rules: title, the five parts as level 1, areas as level 2, then the signature', async () => {
    const { document } = await open((await produced).bytes);
    expect(styled(document, 'Title')).toEqual(['某区人民政府关于2024年法治政府建设情况的报告']);
    // The title breaks between words: after 关于…年, never inside 法治政府.
    const title = document.match(/<w:p\b(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Title"\/>[\s\S]*?<\/w:p>/)![0];
    const lines = title.split('<w:br/>').map((x) => (x.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));
    expect(lines).toEqual(['某区人民政府关于2024年', '法治政府建设情况的报告']);
    expect(styled(document, 'Heading1')).toEqual(['一、主要举措和成效', '二、党政主要负责人履行推进法治建设第一责任人职责情况', '三、存在的不足和原因', '四、2025年工作打算', '五、其他需要报告的情况']);
    const h2 = styled(document, 'Heading2');
    expect(h2[0]).toMatch(/^（一）依法全面履行政府职能，/);
    expect(h2.length).toBe(4);
    const tail = document.slice(document.lastIndexOf('某区人民政府'));
    expect(tail).toContain('2025年1月15日');
  });

  it('lays the page on the 22 × 28 grid: docGrid line pitch and exact lines give 22, condensed 三号 characters 28', async () => {
    const { document, styles } = await open((await produced).bytes);
    const grid = /<w:docGrid ([^>]*)\/>/.exec(document)![1]!;
    expect(grid).toContain('w:type="lines"');
    const linePitch = Number(/w:linePitch="(-?\d+)"/.exec(grid)![1]);
    const textHeight = 16838 - 2098 - 1984;
    const textWidth = 11906 - 1587 - 1474;
    expect(Math.floor(textHeight / linePitch)).toBe(22);
    expect(styles).toMatch(new RegExp(`<w:docDefaults>[\\s\\S]*w:line="${linePitch}" w:lineRule="exact"`));
    // 16 pt characters condensed by w:spacing: 28 fit the 156 mm line, 29 do not.
    const spacing = Number(/<w:rPrDefault>[\s\S]*?<w:spacing w:val="(-?\d+)"\/>/.exec(styles)![1]);
    expect(spacing).toBeLessThan(0);
    expect(Math.floor(textWidth / (320 + spacing))).toBe(28);
  });

  it('centres the 署名 over the 成文日期, the date four characters in from the right', async () => {
    const { document } = await open((await produced).bytes);
    const para = (text: string) => document.match(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:t[^>]*>${text}</w:t>(?:(?!</w:p>).)*?</w:p>`, 's'))!.pop()!;
    const right = (p: string) => Number(/<w:ind [^>]*w:right="(\d+)"/.exec(p)![1]);
    const sig = para('某区人民政府');
    const date = para('2025年1月15日');
    expect(sig).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(right(date)).toBe(4 * 320);
    // 2025年1月15日 is 6.5 characters wide (digits half), 某区人民政府 6: centred means a quarter character further in.
    expect(right(sig)).toBe(right(date) + 80);
  });

  it('writes the 版头 when set: red 发文机关标志, 发文字号 and 签发人 on one line over a red rule, then 主送机关', async () => {
    const { db: hdb } = buildLedger();
    const header = { mark: '某区人民政府文件', docNumber: '某府文〔2025〕3号', signer: '张明', recipient: '市人民政府', issuer: '某区人民政府', date: '2025-03-31' };
    const { document } = await open((await produceReport(hdb, { period: '2024', kind: 'annual', format: 'docx', header })).bytes);
    const at = (s: string) => document.indexOf(s);
    expect(document).toMatch(/<w:color w:val="C00000"\/>[\s\S]{0,200}某区人民政府文件/);
    expect(at('某府文〔2025〕3号')).toBeGreaterThan(at('某区人民政府文件'));
    expect(document).toMatch(/某府文〔2025〕3号<\/w:t>[\s\S]{0,300}<w:tab\/>[\s\S]{0,100}签发人：[\s\S]{0,400}张明/);
    expect(document).toMatch(/<w:bottom w:val="single" w:color="C00000"/);
    expect(at('市人民政府：')).toBeGreaterThan(at('法治政府建设情况的报告'));
    expect(at('市人民政府：')).toBeLessThan(at('一、主要举措和成效'));
    expect(document).toContain('2025年3月31日');
  });

  it('dates the report on the reporting deadline when no date is chosen', async () => {
    const { db: ddb } = buildLedger();
    const { document } = await open((await produceReport(ddb, { period: '2024', kind: 'annual', format: 'docx', issuer: '某区人民政府' })).bytes);
    expect(document).toContain('2025年3月31日');
  });

  it('puts "— PAGE —" in 宋体 四号 at the foot, right on odd pages and left on even ones', async () => {
    const { footers, zip } = await open((await produced).bytes);
    expect(footers.length).toBe(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('— ');
      expect(f).toContain(' —');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
  });

  it('carries the completion charts of the internal quarterly report as PNG pictures', async () => {
    const { db: cdb } = buildLedger();
    const { zip, document } = await open((await produceReport(cdb, { period: '2024-Q3', kind: 'quarterly', format: 'docx' })).bytes);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(media.length).toBe(2);
    const png = await zip.file(media[0]!)!.async('uint8array');
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(document).toContain('各领域措施完成情况');
  });

  it('writes tables with a repeated header row, borders and the table paragraph styles, no placeholder left', async () => {
    const { db: qdb } = buildLedger();
    const q = await produceReport(qdb, { period: '2024-Q3', kind: 'quarterly', format: 'docx', asOf: '2024-12-31', charts: false });
    const { document, styles } = await open(q.bytes);
    expect(document).not.toContain('@@FAZHI-TABLE');
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) {
      expect(t).toContain('<w:tblHeader/>');
      expect(t).toMatch(/<w:insideH w:val="single"/);
    }
    expect(document).toContain('<w:t xml:space="preserve">完成标准化事项评估。</w:t>');
    expect(styleBlock(styles, 'TableText')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleBlock(styles, 'TableHead')).toContain('w:eastAsia="黑体"');
  });
});
