// .docx structure: paragraphs, runs, tables, revisions, fields and automatic numbering become the lines a reader sees.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readOutlineBuffer } from '../../../electron/services/readers';
import { formatNumber } from '../../../electron/services/readers/docx-numbering';
import { buildDocx, p, tbl, tc, tr } from './docx-builder';
import { expectAppError } from './helpers';

async function text(parts: Parameters<typeof buildDocx>[0], name = 'outline.docx'): Promise<string> {
  const doc = await readOutlineBuffer(await buildDocx(parts), name);
  expect(doc.format).toBe('docx');
  return doc.text;
}

describe('docx tables', () => {
  it('turns each row into one tab-joined line and keeps the paragraphs around the table', async () => {
    const body =
      p('重点工作任务分解表') +
      tbl(
        tr(tc(p('序号')), tc(p('任务')), tc(p('牵头单位')), tc(p('责任单位'))),
        tr(tc(p('1')), tc(p('明确政府职能定位。')), tc(p('县编办')), tc(p('县发改局、县人社局'))),
        tr(tc(p('2')), tc(p('深化行政审批制度改革。') + p('推进“五证合一”。')), tc(p('县编办')), tc(p('县政务服务中心'))),
      ) +
      p('二、保障措施');
    expect(await text({ body })).toBe(
      [
        '重点工作任务分解表',
        '序号\t任务\t牵头单位\t责任单位',
        '1\t明确政府职能定位。\t县编办\t县发改局、县人社局',
        '2\t深化行政审批制度改革。 推进“五证合一”。\t县编办\t县政务服务中心',
        '二、保障措施',
      ].join('\n'),
    );
  });

  it('repeats vertically merged cells on each row and pads horizontally merged ones', async () => {
    const body = tbl(
      tr(tc(p('一、依法全面履行政府职能'), '<w:gridSpan w:val="4"/>')),
      tr(tc(p('1')), tc(p('加强市场监管。')), tc(p('县市场监管局'), '<w:vMerge w:val="restart"/>'), tc(p('2020年底前'))),
      tr(tc(p('2')), tc(p('优化公共服务。')), tc('<w:p/>', '<w:vMerge/>'), tc(p('长期坚持'))),
      tr(tc(p('3')), tc(p('创新社会治理。')), tc(p('县公安局')), tc(p(''))),
    );
    expect((await text({ body })).split('\n')).toEqual([
      '一、依法全面履行政府职能',
      '1\t加强市场监管。\t县市场监管局\t2020年底前',
      '2\t优化公共服务。\t县市场监管局\t长期坚持',
      '3\t创新社会治理。\t县公安局',
    ]);
  });

  it('keeps a table nested in a cell on its row, and line breaks inside cells do not split the row', async () => {
    const inner = tbl(tr(tc(p('子任务甲')), tc(p('区司法局'))));
    const body = tbl(tr(tc(p('1')), tc(p('外层任务') + inner), tc('<w:p><w:r><w:t>区政府办</w:t><w:br/><w:t>区财政局</w:t></w:r></w:p>')));
    expect(await text({ body })).toBe('1\t外层任务 子任务甲 区司法局\t区政府办 区财政局');
  });
});

describe('docx runs and revisions', () => {
  it('joins split runs, maps w:tab and w:br, decodes entities, ignores tab-stop definitions', async () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>' +
      '<w:r><w:t>1.明确</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>政府职能</w:t></w:r><w:r><w:t>定位。</w:t></w:r>' +
      '<w:r><w:tab/><w:t>A&amp;B &lt;甲&gt;</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>';
    expect(await text({ body })).toBe('1.明确政府职能定位。\tA&B <甲>\n第二行');
  });

  it('skips deleted and moved-away text, keeps inserted text, skips field codes but keeps field results', async () => {
    const body =
      '<w:p><w:r><w:t>每年至少举办</w:t></w:r>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>两期</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="a"><w:r><w:t>一期</w:t></w:r></w:ins>' +
      '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>' +
      '<w:r><w:t>培训,见第</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:t>页。</w:t></w:r></w:p>';
    expect(await text({ body })).toBe('每年至少举办一期培训,见第3页。');
  });

  it('reads a text box once, not once more from its legacy fallback copy', async () => {
    const box = (inner: string) => `<w:txbxContent>${p(inner)}</w:txbxContent>`;
    const body =
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>' +
      box('文本框内容') +
      '</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>' +
      box('文本框内容') +
      '</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>';
    expect(await text({ body })).toBe('文本框内容\n正文');
  });

  it('finds the main part through the package relationships', async () => {
    expect(await text({ body: p('主文档在别处'), mainPart: 'word/document2.xml' })).toBe('主文档在别处');
  });
});

describe('docx automatic numbering', () => {
  const lvl = (ilvl: number, fmt: string, lvlText: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;
  const numbering =
    '<w:abstractNum w:abstractNumId="0">' +
    lvl(0, 'chineseCounting', '%1\u3001') +
    lvl(1, 'chineseCounting', '\uff08%2\uff09') +
    lvl(2, 'decimal', '%3.') +
    lvl(3, 'decimal', '\uff08%4\uff09') +
    '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1">' + lvl(0, 'bullet', '\uf0b7') + '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2">' + lvl(0, 'chineseCounting', '\u7b2c%1\u7ae0', '<w:suff w:val="space"/>') + '</w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>';
  const num = (id: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;

  it('renders 一、/(一)/1./(1) labels and restarts deeper levels', async () => {
    const body = [
      p('总体要求', num(1, 0)),
      p('指导思想', num(1, 1)),
      p('基本原则', num(1, 1)),
      p('主要任务和具体措施', num(1, 0)),
      p('依法全面履行政府职能', num(1, 1)),
      p('明确政府职能定位。', num(1, 2)),
      p('细化目标', num(1, 3)),
      p('深化行政审批制度改革。', num(1, 2)),
      p('', num(1, 2)),
      p('深入推进简政放权。', num(1, 2)),
      p('完善依法行政制度体系', num(1, 1)),
      p('严格规范性文件制定程序。', num(1, 2)),
      p('项目符号不编号', num(2, 0)),
      p('总则', num(3, 0)),
    ].join('');
    expect((await text({ body, numbering })).split('\n')).toEqual([
      '一\u3001总体要求',
      '\uff08一\uff09指导思想',
      '\uff08二\uff09基本原则',
      '二\u3001主要任务和具体措施',
      '\uff08一\uff09依法全面履行政府职能',
      '1.明确政府职能定位。',
      '\uff081\uff09细化目标',
      '2.深化行政审批制度改革。',
      '',
      '3.深入推进简政放权。',
      '\uff08二\uff09完善依法行政制度体系',
      '1.严格规范性文件制定程序。',
      '项目符号不编号',
      '第一章 总则',
    ]);
  });

  it('takes numbering from the paragraph style when the paragraph has none of its own', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>';
    const body = p('总体要求', '<w:pStyle w:val="Heading1"/>') + p('主要任务', '<w:pStyle w:val="MyHeading"/>') + p('正文段落');
    expect(await text({ body, numbering, styles })).toBe('一\u3001总体要求\n二\u3001主要任务\n正文段落');
  });

  it('formats Chinese counting numbers as Word does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十',
    ]);
    expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('\u2462');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
  });
});

describe('bad docx files', () => {
  it('rejects a truncated docx as unreadable', async () => {
    const good = await buildDocx({ body: p('内容') });
    await expectAppError(readOutlineBuffer(good.subarray(0, Math.floor(good.length / 2)), 'cut.docx'), 'unreadable_file');
  });

  it('rejects a zip with no Word part: unreadable when named .docx, unsupported when named .zip', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    await expectAppError(readOutlineBuffer(bytes, 'fake.docx'), 'unreadable_file');
    const err = await expectAppError(readOutlineBuffer(bytes, 'outline.zip'), 'unsupported_file');
    expect(err.message).toContain('（.zip）');
  });

  it('rejects an .xlsx (zip with xl/ parts) as unsupported', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const err = await expectAppError(readOutlineBuffer(await zip.generateAsync({ type: 'nodebuffer' }), '台账.xlsx'), 'unsupported_file');
    expect(err.message).toContain('Excel');
  });

  it('rejects a docx whose document.xml is not XML text as unreadable or empty, never a raw error', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', new Uint8Array([0, 1, 2, 3, 255, 254]));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    let caught: unknown;
    await readOutlineBuffer(bytes, 'odd.docx').catch((e: unknown) => (caught = e));
    expect((caught as { code?: string }).code).toMatch(/^(unreadable_file|empty_file)$/);
  });

  it('reports a docx with no text as empty', async () => {
    await expectAppError(readOutlineBuffer(await buildDocx({ body: '<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>' }), 'blank.docx'), 'empty_file');
  });
});
