// The report command: writes a quarterly, annual or ledger report as .docx, .xlsx, .pdf or .html, atomically.
import path from 'node:path';
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat, type ReportKind } from '../../../shared/report/types';
import { parseReportPeriod } from '../../../shared/report/period';
import { openStore, closeStore } from '../../../db/open';
import { produceReport } from '../../services/reports/produce';
import { chromiumPrinter } from '../../services/reports/printer';
import { writeFileAtomic } from '../../services/reports/atomic';

function oneOf<T extends string>(list: readonly T[], v: string | undefined, name: string): T {
  if (!v || !(list as readonly string[]).includes(v)) throw new AppError('validation', `--${name} 应为以下之一:${list.join('、')}。`);
  return v as T;
}

const report: CliCommand = {
  name: 'report',
  usage: 'report --period 2024-Q3|2024-H1|2024 --kind quarterly|annual|ledger --format docx|xlsx|pdf|html --out FILE [--plan ID] [--issuer 单位] [--date 2025-01-15] [--evidence]   导出报告',
  options: { period: 'string', kind: 'string', format: 'string', out: 'string', plan: 'string', section: 'string', department: 'string', issuer: 'string', date: 'string', 'as-of': 'string', evidence: 'boolean', 'no-charts': 'boolean' },
  multiple: ['plan', 'section', 'department'],
  async run({ values, dataDir }, io) {
    const period = stringOpt(values, 'period');
    if (!period || !parseReportPeriod(period)) throw new AppError('validation', '请用 --period 指定报告期,例如 2024-Q3、2024-H1 或 2024。');
    const kind: ReportKind = oneOf(REPORT_KINDS, stringOpt(values, 'kind'), 'kind');
    const out = stringOpt(values, 'out');
    if (!out) throw new AppError('validation', '请用 --out 指定输出文件。');
    const fromExt = path.extname(out).slice(1).toLowerCase();
    const format: ReportFormat = oneOf(REPORT_FORMATS, stringOpt(values, 'format') ?? fromExt, 'format');
    const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : undefined);
    const printer = format === 'pdf' ? chromiumPrinter() : undefined;
    const db = openStore(dataDir);
    try {
      const produced = await produceReport(
        db,
        {
          period,
          kind,
          format,
          scope: { planIds: list('plan'), sectionIds: list('section'), departmentIds: list('department') },
          issuer: stringOpt(values, 'issuer'),
          date: stringOpt(values, 'date'),
          asOf: stringOpt(values, 'as-of'),
          evidenceAppendix: values.evidence === true,
          charts: values['no-charts'] !== true,
        },
        { printer, warn: (m) => io.err(m) },
      );
      const target = path.resolve(out);
      await writeFileAtomic(target, produced.bytes);
      io.out(JSON.stringify({ out: target, kind, format, period, size: produced.bytes.length, figures: produced.figures }));
      return 0;
    } finally {
      await printer?.close();
      closeStore(db);
    }
  },
};

export const reportCommands: CliCommand[] = [report];
