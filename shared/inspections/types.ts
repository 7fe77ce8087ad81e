// The inspection vocabulary: verdicts, reviews, per-measure items, rectifications, signatures, as they cross to screens.
export const VERDICTS = ['符合', '基本符合', '不符合', '未检查'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const REVIEW_STATUSES = ['进行中', '已签署'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const RECTIFICATION_STATUSES = ['待整改', '已反馈', '已销号'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export type VerdictCounts = Record<Verdict, number> & { total: number };

export interface ReviewScope {
  planId: string | null;
  sectionIds: string[];
  departmentIds: string[];
  /** The quarter whose narrative and evidence the inspectors judge. */
  periodId: string;
}

export interface Review {
  id: string;
  name: string;
  scope: ReviewScope;
  startsOn: string | null;
  endsOn: string | null;
  reviewerIds: string[];
  reviewerNames: string[];
  leadId: string | null;
  leadName: string | null;
  status: ReviewStatus;
  rootId: string;
  revision: number;
  previousId: string | null;
  /** A later revision exists: this one is kept for the record only. */
  superseded: boolean;
  createdAt: string;
  signature: Signature | null;
  counts: VerdictCounts;
}

export interface Signature {
  signerId: string | null;
  signerName: string;
  signedAt: string;
  sha256: string;
}

export interface RectificationDemand {
  requirement: string;
  departmentId: string | null;
  departmentName: string;
  dueOn: string;
}

export interface Rectification extends RectificationDemand {
  id: string;
  reviewId: string;
  reviewName: string;
  measureId: string;
  measureNumber: string;
  measureTitle: string;
  status: RectificationStatus;
  response: string;
  respondedByName: string | null;
  respondedAt: string | null;
  closedByName: string | null;
  closedAt: string | null;
  overdue: boolean;
  evidence: InspectionFile[];
}

export interface InspectionFile {
  evidenceId: string;
  name: string;
  sha256: string;
  mime: string;
  size: number;
}

/** One measure of a review with what the inspectors need beside the verdict form. */
export interface ReviewItem {
  measureId: string;
  number: string;
  title: string;
  sectionHeading: string | null;
  lead: string[];
  responsible: string[];
  deadline: string | null;
  /** The clerks' workflow status (never changed by a verdict). */
  status: string;
  narrative: string;
  targets: string[];
  verdict: Verdict;
  finding: string;
  rectification: (RectificationDemand & { id: string; status: RectificationStatus }) | null;
  /** The department's evidence for the period. */
  evidence: InspectionFile[];
  /** The inspectors' own files. */
  inspectorFiles: InspectionFile[];
}

export interface ReviewDetail extends Review {
  items: ReviewItem[];
}

/** What the signature's hash is taken over, per measure. */
export interface CoveredItem {
  measureId: string;
  verdict: Verdict;
  finding: string;
  rectification: RectificationDemand | null;
  /** SHA-256 of the inspectors' files, sorted. */
  evidence: string[];
}

export interface Covered {
  review: { id: string; name: string; scope: ReviewScope; startsOn: string | null; endsOn: string | null; reviewerIds: string[]; revision: number };
  items: CoveredItem[];
}

export interface VerifyResult {
  reviewId: string;
  signed: boolean;
  ok: boolean;
  signedSha256: string | null;
  currentSha256: string;
  /** Measures whose verdict, finding, rectification or files differ from what was signed. */
  changedMeasures: string[];
  reviewChanged: boolean;
  /** Inspectors' files whose bytes on disk no longer match their hash, or are gone. */
  damagedFiles: { name: string; sha256: string; state: 'missing' | 'changed' }[];
}

export function emptyVerdictCounts(): VerdictCounts {
  return { 符合: 0, 基本符合: 0, 不符合: 0, 未检查: 0, total: 0 };
}
