// The ledger's domain types as they cross from the store to the screens.

export const ROLES = ['clerk', 'supervisor', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['未开始', '推进中', '已完成', '不适用'] as const;
export type Status = (typeof STATUSES)[number];

export interface User {
  id: string;
  name: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  system: boolean;
  createdAt: string;
}

export interface Department {
  id: string;
  name: string;
  collective: boolean;
  /** Every spelling seen in documents. */
  aliases: string[];
  leadCount: number;
  responsibleCount: number;
}

export interface PlanSummary {
  id: string;
  title: string;
  issuer: string | null;
  period: string | null;
  deadline: string | null;
  sourceName: string;
  sourceSha256: string;
  sourceFormat: string;
  importedAt: string;
  importedBy: string;
  importedByName: string | null;
  measureCount: number;
}

export interface Section {
  id: string;
  planId: string;
  parentId: string | null;
  path: string[];
  label: string;
  heading: string;
  context: string;
  preamble: boolean;
  measureCount: number;
}

export interface UnitRef {
  departmentId: string;
  name: string;
  asWritten: string;
  collective: boolean;
}

/** One row of the checklist, with its effective status for the period asked about. */
export interface MeasureRow {
  id: string;
  planId: string;
  sectionId: string | null;
  path: string[];
  number: string;
  title: string;
  lead: UnitRef[];
  responsible: UnitRef[];
  deadline: string | null;
  deadlineDate: string | null;
  status: Status;
  /** The period of the record that set `status`, or null when none exists yet. */
  statusPeriod: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface ProgressRecord {
  id: string;
  measureId: string;
  periodId: string;
  status: Status;
  narrative: string;
  updatedBy: string;
  updatedByName: string | null;
  updatedAt: string;
  /** What a save names as the version it was based on (the clock of the record's last change). */
  version: string;
}

export interface ChangeEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** A measure with everything the store holds about it. */
export interface MeasureFacts extends MeasureRow {
  text: string;
  targets: string[];
  sectionHeading: string | null;
  planTitle: string;
  progress: ProgressRecord[];
  history: ChangeEntry[];
}

/** A measure as the signed-in user sees it. */
export interface MeasureDetail extends MeasureFacts {
  /**
   * Why the signed-in user may not record its progress, evidence, target figures and answers to rectifications (an
   * inspector; a clerk of another department while the store limits clerks to their own), or null when they may. The
   * screen shows those parts read-only, with this sentence, instead of letting a save be refused.
   */
  recordRefusal: string | null;
}

export interface StatusCounts {
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
  notApplicable: number;
  overdue: number;
}

export interface Dashboard {
  periodId: string;
  totals: StatusCounts;
  bySection: (StatusCounts & { sectionId: string | null; planId: string; label: string; heading: string })[];
  byDepartment: (StatusCounts & { departmentId: string; name: string })[];
  overdue: MeasureRow[];
  dueSoon: MeasureRow[];
}
