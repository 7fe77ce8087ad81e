// HTML pages from portals: charset handling (GBK pages exist), chrome removed, blocks to lines, cells to tabs.
import { describe, expect, it } from 'vitest';
import { readOutlineBuffer } from '../../../electron/services/readers';
import { htmlToText } from '../../../electron/services/readers/html';
import { fixture, seedText } from './helpers';

const seedLines = seedText('003_244a23676422eee3.txt')
  .split(/\r?\n/)
  .map((l) => l.replace(/^ +| +$/g, ''))
  .filter((l) => l !== '');

/** The GB18030 fixture's lines wrapped in <p>, with a given head: a GBK page as portals serve it. */
function gbkPage(head: string): Buffer {
  const bytes = fixture('yancheng-gb18030.txt');
  const parts: Buffer[] = [Buffer.from(`<!DOCTYPE html>\n<html><head>${head}<title>x</title></head><body>\n`, 'latin1')];
  let start = 0;
  // CR and LF never occur inside a GBK double-byte character, so splitting the bytes on them is safe.
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i > start && bytes[i - 1] === 0x0d ? i - 1 : i);
      parts.push(Buffer.from('<p>'), line, Buffer.from('</p>\r\n'));
      start = i + 1;
    }
  }
  parts.push(Buffer.from('</body></html>'));
  return Buffer.concat(parts);
}

describe('html encodings', () => {
  it('decodes a page declaring gb2312 in http-equiv', async () => {
    const doc = await readOutlineBuffer(gbkPage('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'plan.htm');
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text.split('\n')).toEqual(seedLines);
  });

  it('detects GBK when the page declares nothing, or wrongly declares utf-8', async () => {
    for (const head of ['', '<meta charset="utf-8">']) {
      const doc = await readOutlineBuffer(gbkPage(head), 'plan.html');
      expect(doc.encoding).toBe('gb18030');
      expect(doc.text.split('\n')).toEqual(seedLines);
    }
  });

  it('ignores a declared charset it does not trust when the bytes are valid UTF-8', async () => {
    const doc = await readOutlineBuffer(Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>一、总体要求</p></body></html>'), 'a.html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe('一、总体要求');
  });

  it('reads a UTF-8 page with a BOM', async () => {
    const doc = await readOutlineBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>内容</p>')]), 'a.html');
    expect(doc.text).toBe('内容');
  });

  it('reads HTML saved under a .doc name (what many systems call "export to Word")', async () => {
    const doc = await readOutlineBuffer(Buffer.from('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p>1.明确政府职能定位。</p></body></html>'), '方案.doc');
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('1.明确政府职能定位。');
  });
});

describe('html structure', () => {
  it('drops script, style, nav, head and hidden elements', () => {
    const html = `<html><head><title>网站标题</title><style>p{color:red}</style><script>var a = "<p>不要</p>";</script></head>
      <body><nav><a href="/">首页</a> | <a href="/x">政务公开</a></nav>
      <div style="display:none">隐藏内容</div><noscript>请启用脚本</noscript>
      <div class="content"><p>一、总体要求</p><SCRIPT type="text/javascript">document.write('x')</SCRIPT><p>正文</p></div></body></html>`;
    expect(htmlToText(html)).toBe('一、总体要求\n正文');
  });

  it('makes block elements and <br> into line breaks and collapses source whitespace', () => {
    const html = `<h1>标题</h1><div>第一段
        继续</div><p>甲<br>乙<br/>丙</p><ul><li>项一</li><li>项二</li></ul><h3>小标题</h3><span>行内</span><b>粗体</b>`;
    expect(htmlToText(html)).toBe('标题\n第一段 继续\n甲\n乙\n丙\n项一\n项二\n小标题\n行内粗体');
  });

  it('decodes named and numeric entities', () => {
    expect(htmlToText('<p>A&amp;B&nbsp;&lt;x&gt; &#20013;&#x6587; &ldquo;放管服&rdquo; &mdash;</p>')).toBe('A&B\u00a0<x> 中文 \u201c放管服\u201d \u2014');
  });

  it('joins table cells with tabs, pads colspan, repeats rowspan, keeps <br> inside a cell on the row', () => {
    const html = `<table>
      <thead><tr><th>序号</th><th>任务</th><th>牵头单位</th><th>完成时限</th></tr></thead>
      <tbody>
        <tr><td colspan="4">一、依法全面履行政府职能</td></tr>
        <tr><td>1</td><td><p>加强市场监管。</p><p>健全信用体系。</p></td><td rowspan="2">县市场<br>监管局</td><td>2020年</td></tr>
        <tr><td>2</td><td>优化公共服务。</td><td>长期</td></tr>
        <tr><td></td><td>无序号任务</td></tr>
      </tbody></table><p>表后</p>`;
    expect(htmlToText(html).split('\n')).toEqual([
      '序号\t任务\t牵头单位\t完成时限',
      '一、依法全面履行政府职能',
      '1\t加强市场监管。 健全信用体系。\t县市场 监管局\t2020年',
      '2\t优化公共服务。\t县市场 监管局\t长期',
      '\t无序号任务',
      '表后',
    ]);
  });

  it('keeps list numbers that Word hides in conditional comments, and drops its XML islands', () => {
    const html = `<html><head><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head><body>
      <p class=MsoListParagraph><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>明确政府职能定位。<o:p></o:p></p></body></html>`;
    expect(htmlToText(html)).toBe('1.\u00a0\u00a0 明确政府职能定位。');
  });

  it('keeps line breaks inside <pre> (line-edge spaces are trimmed like everywhere else)', () => {
    expect(htmlToText('<pre>一、总体\n  (一)指导  甲</pre>')).toBe('一、总体\n(一)指导  甲');
  });

  it('survives unclosed and misnested tags', () => {
    expect(htmlToText('<p>甲<p>乙<div><b>丙</div><li>丁')).toBe('甲\n乙\n丙\n丁');
  });
});
