// How much a file may unfold into before a reader stops: hostile files (zip bombs, endless pages) end in a message, not a hang.
import { AppError } from '../../../shared/errors';

export const LIMITS = {
  /** Characters of extracted text: a long outline has ~200,000; a compilation of all of a city's plans a few million. */
  maxChars: 30_000_000,
  /** Paragraphs (lines) of extracted text. */
  maxParagraphs: 500_000,
  /** Entries in a .docx package: Word writes ~15; images add one each. */
  maxZipEntries: 5_000,
  /** Decompressed bytes of one .docx part, and of all parts read. */
  maxPartBytes: 120 * 1024 * 1024,
  maxZipBytes: 200 * 1024 * 1024,
  /** Open elements nested inside each other (XML and HTML). Word nests ~15 deep. */
  maxDepth: 400,
  /** Pages of a PDF. */
  maxPdfPages: 3_000,
  /** Decoded bytes of one PDF stream, and of all its streams. */
  maxPdfStreamBytes: 32 * 1024 * 1024,
  maxPdfDecodedBytes: 160 * 1024 * 1024,
  /** Time a reading job may take before it is stopped. */
  timeBudgetMs: 120_000,
  /** Heap the reading worker may use; past it the worker dies, not the app. */
  workerHeapMb: 1536,
} as const;

export type LimitKind = 'chars' | 'paragraphs' | 'entries' | 'unpacked' | 'depth' | 'pages' | 'streams' | 'time' | 'memory';

const WHAT: Record<LimitKind, string> = {
  chars: '文字过多',
  paragraphs: '段落过多',
  entries: '内部文件过多',
  unpacked: '解压后内容过大',
  depth: '嵌套层级过深',
  pages: '页数过多',
  streams: '页面内容解压后过大',
  time: '读取时间过长',
  memory: '读取所需内存过大',
};

/** The clerk's sentence when a file unfolds past a limit; the detail keeps the figures for the log. */
export function limitExceeded(kind: LimitKind, detail: string): AppError {
  return new AppError(
    'too_large',
    `该文件${WHAT[kind]},超出了可导入的范围,可能已损坏或并非实施方案。请确认选择的是方案正文;如确是方案,请用 Word 或 WPS 打开后另存为新的 .docx(删除图片和附件)再导入。`,
    `limit ${kind}: ${detail}`,
  );
}

/** Counts characters and paragraphs as text is produced, throwing at the first limit passed. */
export class TextBudget {
  private chars = 0;
  private paragraphs = 0;

  addChars(n: number): void {
    this.chars += n;
    if (this.chars > LIMITS.maxChars) throw limitExceeded('chars', `> ${LIMITS.maxChars} characters`);
  }

  addParagraph(): void {
    if (++this.paragraphs > LIMITS.maxParagraphs) throw limitExceeded('paragraphs', `> ${LIMITS.maxParagraphs} paragraphs`);
  }

  checkDepth(depth: number): void {
    if (depth > LIMITS.maxDepth) throw limitExceeded('depth', `depth ${depth} > ${LIMITS.maxDepth}`);
  }
}

/** Checks finished text against the character and line limits in one linear pass. */
export function checkText(text: string): void {
  if (text.length > LIMITS.maxChars) throw limitExceeded('chars', `${text.length} characters`);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > LIMITS.maxParagraphs) throw limitExceeded('paragraphs', `> ${LIMITS.maxParagraphs} lines`);
  }
}
