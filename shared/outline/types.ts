// The outline parser's output: documents → heading tree → measures.

/** One measure (the unit of the checklist), as the CLI's `parse` prints it. */
export interface ParsedMeasure {
  /** Labels from the outermost heading down to the measure itself: ["二","(一)","1"]. */
  path: string[];
  /** First sentence, without its final 。 */
  title: string;
  /** Whole measure text, layout artifacts removed. */
  text: string;
  /** Lead units as written, without a trailing 等. */
  lead: string[];
  responsible: string[];
  /** As written ("2019年年底前", "2020年10月底前", "长期坚持"), or the document-wide deadline, or null. */
  deadline: string | null;
  /** Quantitative targets as found in the text ("不少于24学时", "100%"). */
  targets: string[];
}

/** A heading above measures (or a preamble section kept as context). */
export interface ParsedSection {
  path: string[];
  /** The heading's own label as written in `path` ("二", "(一)"). */
  label: string;
  heading: string;
  /** Text under the heading that is not a measure (目标:, preamble paragraphs). */
  context: string;
  /** 总体要求 / 指导思想 / 基本原则 / 工作要求 …: context only, never measures. */
  preamble: boolean;
}

export interface ParsedDocument {
  title: string | null;
  /** Text before the first heading (the 为…制定本方案 paragraph). */
  intro: string;
  /** A deadline stated for the whole document in its closing text, if any. */
  deadline: string | null;
  sections: ParsedSection[];
  items: ParsedMeasure[];
}

export interface ParsedOutline {
  documents: ParsedDocument[];
}
