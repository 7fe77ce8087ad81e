// The report's vocabulary: kinds, formats, the period and scope asked for, the data read for it, and the document built from it.
import type { MeasureRow, Status, StatusCounts } from '../model';
import type { RectificationLine } from './rectifications';
import type { DraftBlock, DraftHeader } from './draft';

export const REPORT_KINDS = ['quarterly', 'annual', 'ledger'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const KIND_TITLES: Record<ReportKind, string> = {
  quarterly: '季度推进情况报告',
  annual: '年度法治政府建设情况报告',
  ledger: '工作台账',
};

/** A reporting period resolved to dates and the quarters it spans. */
export interface ReportPeriod {
  /** "2024-Q3", "2024-H1", "2024", or "2024-02-01..2024-05-31". */
  id: string;
  kind: 'quarter' | 'half' | 'year' | 'range';
  year: number;
  /** "2024年第三季度", "2024年上半年", "2024年", "2024年2月1日至2024年5月31日". */
  label: string;
  startsOn: string;
  endsOn: string;
  /** Quarter ids the period touches, in order. */
  quarters: string[];
  /** Figures are taken at this quarter: the period's last. */
  lastQuarter: string;
}

export interface ReportScope {
  planIds?: string[] | undefined;
  sectionIds?: string[] | undefined;
  departmentIds?: string[] | undefined;
}

export interface ReportFigures extends StatusCounts {
  /** Measures (other than 不适用) with no evidence file in the period. */
  withoutEvidence: number;
}

export interface EvidenceFile {
  measureId: string;
  periodId: string;
  name: string;
  /** ISO date or timestamp the file was added. */
  addedAt: string;
  sha256: string;
  /** The document's own 文号 and date, when the clerk gave them. */
  docNumber: string | null;
  docDate: string | null;
}

/** A progress record of one quarter, as the reports need it. */
export interface ReportRecord {
  measureId: string;
  periodId: string;
  status: Status;
  narrative: string;
  updatedByName: string | null;
  updatedAt: string;
}

export interface PlanInfo {
  id: string;
  title: string;
  issuer: string | null;
}

/** The measures reported under one heading (see sectionGrouping), with their figures. */
export interface SectionGroup extends ReportFigures {
  sectionId: string | null;
  planId: string;
  label: string;
  /** '其他工作' for measures outside any section. */
  heading: string;
  measures: MeasureRow[];
}

/** Everything a report is computed from; read by db/queries/report-data.ts. */
export interface ReportData {
  period: ReportPeriod;
  /** The day overdue is judged against. */
  asOf: string;
  plans: PlanInfo[];
  /** Measures in scope with their effective status at the period's last quarter. */
  measures: MeasureRow[];
  /** Effective status of each measure at each quarter of the period: quarter id → measure id → status. */
  statusByQuarter: Record<string, Record<string, Status>>;
  /** Records of the period's quarters. */
  records: ReportRecord[];
  evidence: EvidenceFile[];
  figures: ReportFigures;
  /** In the order of `measures`. */
  bySection: SectionGroup[];
  byDepartment: (ReportFigures & { departmentId: string; name: string })[];
  /** Open rectifications demanded by inspectors on the measures in scope (problems section). */
  rectifications?: RectificationLine[] | undefined;
  /** Human description of the scope ("全部方案", "牵头或责任单位:区司法局"). */
  scopeLabel: string;
  /** Measures the plan gives to the principal leaders (第一责任人职责), reported in part 二 of the annual report. */
  leaderDuty: string[];
  /** Quantitative targets of each measure, as the outline states them. */
  targets: Record<string, string[]>;
  /** Full text of each measure. */
  texts: Record<string, string>;
}

/** 'area': the plan's own areas (the (一)…(七) under 主要任务); 'top': the outline's first level. */
export type ReportGrouping = 'area' | 'top';

export interface ReportOptions {
  kind: ReportKind;
  /** Issuing body for the title and signature; the plan's issuer when absent. */
  issuer?: string | undefined;
  /** Signature date (YYYY-MM-DD); today when absent. */
  date?: string | undefined;
  evidenceAppendix?: boolean | undefined;
  charts?: boolean | undefined;
  /** 版头 fields, 主送机关 and 署名 of an edited draft. */
  header?: DraftHeader | undefined;
  /** The edited text of a draft, in place of the generated one. */
  blocks?: DraftBlock[] | undefined;
}

export interface ChartBar {
  label: string;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  notApplicable: number;
}

export interface ChartSpec {
  id: string;
  title: string;
  bars: ChartBar[];
}

export type Block =
  | { type: 'h1'; text: string }
  | { type: 'h2'; text: string }
  | { type: 'h3'; text: string }
  | { type: 'p'; text: string; lead?: string }
  | { type: 'chart'; chart: ChartSpec }
  | { type: 'table'; caption?: string; head: string[]; rows: string[][]; widths?: number[]; /** Cells are names and hashes, shown exactly as stored. */ verbatim?: boolean }
  | { type: 'signature'; issuer: string; date: string }
  /** A picture (the inspectors' photos): bytes as base64, size in pixels. */
  | { type: 'image'; caption: string; mime: 'image/png' | 'image/jpeg'; base64: string; width: number; height: number }
  /** 附件说明 under the text: "附件:1.…". */
  | { type: 'attachments'; items: string[] }
  /** Annexes start on a page of their own. */
  | { type: 'pagebreak' }
  /** "附件" at the top left of an annex page, then the annex's title centred. */
  | { type: 'annexLabel'; text: string; title: string };

export interface ReportDoc {
  kind: ReportKind | 'feedback';
  title: string;
  /** Under the title, e.g. the period; may be empty. */
  subtitle: string;
  figures: ReportFigures;
  blocks: Block[];
  /** Landscape pages suit the ledger's wide table. */
  landscape: boolean;
  /** 版头 and 主送机关, when the document carries them. */
  head?: Pick<DraftHeader, 'mark' | 'docNumber' | 'signer' | 'recipient'> | undefined;
}
