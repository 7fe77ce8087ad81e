import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { evidenceTextFormat, readEvidenceText } from '../../../electron/services/readers/index';
import { readTextOffThread } from '../../../electron/services/readers/run';
import { LIMITS } from '../../../electron/services/readers/limits';
import { expectAppError } from './helpers';

/** A Word file as Word's own writer library makes it: two paragraphs and a table. */
async function wordFile(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('大渡口区司法局关于2024年第三季度法治督察的通报')] }),
          new Paragraph({ children: [new TextRun('各街道、镇:现将督察情况通报如下。')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('单位')] }), new TableCell({ children: [new Paragraph('整改项数')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('跃进村街道')] }), new TableCell({ children: [new Paragraph('3')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** An Excel file with two sheets: shared strings, numbers, a formula's cached value, an empty row. */
async function excelFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('行政执法统计');
  a.addRow(['单位', '案件数', '办结率']);
  a.addRow(['区市场监管局', 42, '100%']);
  a.addRow([]);
  a.addRow(['区生态环境局', 17, '94%']);
  a.getCell('B5').value = { formula: 'SUM(B2:B4)', result: 59 };
  const b = wb.addWorksheet('说明');
  b.addRow(['数据截至2024年9月30日']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('evidence text previews', () => {
  it('reads a Word file: paragraphs in order, table rows tab-joined', async () => {
    const text = await readEvidenceText(await wordFile(), '通报.docx');
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('大渡口区司法局关于2024年第三季度法治督察的通报');
    expect(lines[1]).toBe('各街道、镇:现将督察情况通报如下。');
    expect(lines).toContain('单位\t整改项数');
    expect(lines).toContain('跃进村街道\t3');
  });

  it('reads an Excel file: each sheet under its name, rows tab-joined, empty rows left out, cached formula values shown', async () => {
    const text = await readEvidenceText(await excelFile(), '统计表.xlsx');
    expect(text.split('\n')).toEqual(['【行政执法统计】', '单位\t案件数\t办结率', '区市场监管局\t42\t100%', '区生态环境局\t17\t94%', '\t59', '', '【说明】', '数据截至2024年9月30日']);
  });

  it('runs in the reader worker, off the thread that serves the screens', async () => {
    const text = await readTextOffThread(await excelFile(), '统计表.xlsx');
    expect(text).toContain('区生态环境局\t17\t94%');
    expect(await readTextOffThread(await wordFile(), '通报.docx')).toContain('跃进村街道\t3');
  });

  it('tells a damaged or mislabelled file in a sentence, and stops a zip bomb at the readers\' limits', async () => {
    const bad = await expectAppError(readEvidenceText(Buffer.from('PK\x03\x04not really a zip'), '坏表格.xlsx'), 'unreadable_file');
    expect(bad.message).toContain('Excel');
    expect(evidenceTextFormat('照片.jpg')).toBeNull();
    expect(evidenceTextFormat('伪装.docx', Buffer.from('%PDF-1.4'))).toBeNull();
    await expectAppError(readEvidenceText(Buffer.from('%PDF-1.4'), '伪装.docx'), 'unreadable_file');

    // One shared string far past a part's unpacked limit, compressed to almost nothing.
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/sharedStrings.xml', `<sst><si><t>${'甲'.repeat(LIMITS.maxPartBytes / 3 + 10)}</t></si></sst>`);
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>');
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expectAppError(readEvidenceText(bomb, '炸弹.xlsx'), 'too_large');
  });
});
