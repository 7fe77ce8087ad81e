// A report draft: the text as editable blocks with what the ledger would write now, and the document fields around it (GB/T 9704 版头, 署名, 成文日期).

/** One editable block of a report's text; `key` is stable across regenerations (e.g. "m:<measure id>"). */
export interface DraftBlock {
  key: string;
  kind: 'h1' | 'h2' | 'p';
  text: string;
}

/** The fields of the document around the text; empty strings mean "not in this document". */
export interface DraftHeader {
  /** 发文机关标志, e.g. 某区人民政府文件. */
  mark: string;
  /** 发文字号, e.g. 某府发〔2025〕3号. */
  docNumber: string;
  /** 签发人: a report sent upward names who signed it. */
  signer: string;
  /** 主送机关, e.g. 市人民政府. */
  recipient: string;
  /** 发文机关署名 under the text; the plan's issuer when empty. */
  issuer: string;
  /** 成文日期 (YYYY-MM-DD). */
  date: string;
}

export const EMPTY_HEADER: DraftHeader = { mark: '', docNumber: '', signer: '', recipient: '', issuer: '', date: '' };

/** A block as the draft editor shows it. */
export interface DraftBlockView extends DraftBlock {
  /** The supervisor changed the text from what was generated. */
  edited: boolean;
  /** The ledger would now write something else than when the block was generated. */
  stale: boolean;
  /** What the ledger would write now; null when the block is no longer generated. */
  fresh: string | null;
}

export interface DraftView {
  id: string;
  kind: string;
  period: string;
  title: string;
  header: DraftHeader;
  blocks: DraftBlockView[];
  /** Saved versions, newest first. */
  versions: { version: number; savedAt: string; savedBy: string | null }[];
  /** Numbers the notes and targets state, to insert as headline figures. */
  headlines: string[];
  updatedAt: string;
}

/** Stable id of the draft of one report: two PCs drafting the same report write to the same draft. */
export function draftId(kind: string, period: string, scope: { planIds?: string[] | undefined; sectionIds?: string[] | undefined; departmentIds?: string[] | undefined }): string {
  const part = (xs: string[] | undefined) => [...(xs ?? [])].sort().join(',');
  return `${kind}|${period}|${part(scope.planIds)}|${part(scope.sectionIds)}|${part(scope.departmentIds)}`;
}

export function blockId(draft: string, key: string): string {
  return `${draft}#${key}`;
}
