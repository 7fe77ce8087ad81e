// Lead and responsible units: (牵头单位:…,责任单位:…), 责任单位: lines, and "X牵头,Y配合" wording.

import { deadlineClause } from './deadline';
import { ANY_KEY_RE, LEAD_WORD_RE, UNIT_END } from './keys';
import { pushUnique, tc, tcAny, tidy } from './text';

export interface Units {
  lead: string[];
  responsible: string[];
  /** The value of a 完成时限:-style key, as written. */
  deadline: string | null;
}

/** Where a keyed value ends: an unmatched closing parenthesis, a full stop or a line end. */
function valueEnd(text: string, from: number, limit: number): number {
  let depth = 0;
  let start = from;
  // A value wrapped onto the next line ("责任部门:" | "县发改局…") starts after the break.
  while (start < limit && /\s/.test(text[start] ?? '')) start++;
  for (let i = start; i < limit; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') {
      if (depth === 0) return i;
      depth--;
    } else if (ch === '。' || ch === '\n') return i;
  }
  return limit;
}

const TRAILING_ETC = new RegExp(`(?:${tc('等')}(?:${tcAny(['有关单位', '相关单位', '单位', '部门'])})?)+$`);
// "市级有关部门按职责分工负责": the duty wording is not part of the unit's name.
const TRAILING_DUTY = new RegExp(`(?:${tcAny(['按职责分工', '按职责', '根据职责'])})?(?:${tc('分别')})?(?:${tcAny(['负责', '落实', '配合'])})$`);
/** "区司法局（牵头）" in a list: the unit that leads. */
const LEAD_MARK = new RegExp(`\\s*[(（]\\s*(?:${tc('牵头')})(?:${tcAny(['单位', '部门'])})?\\s*[)）]$`);

/** Wording that says how units work, not which: a list item made only of it is dropped. */
const QUALIFIER = new RegExp(`^(?:${tcAny(['按职责分工负责', '按职责分工', '按职责负责', '根据职责', '分别负责', '共同负责', '负责', '配合', '参与', '协助'])})$`);

/** One unit as written: trimmed, without a trailing 等 or stray punctuation. */
function cleanUnit(raw: string): string {
  let u = tidy(raw).replace(/^[“"‘'《]+|[”"’'》]+$/g, '');
  u = u.replace(/[。.，,、；;：:]+$/, '').replace(/^(?:由|[、，,；;])+/, '');
  if (QUALIFIER.test(u)) return '';
  u = u.replace(TRAILING_ETC, '').trim();
  const duty = u.replace(TRAILING_DUTY, '');
  if (duty.length >= 2 && duty !== u) u = duty.replace(TRAILING_ETC, '');
  if (!u || u.length > 40 || !/[\p{Script=Han}A-Za-z]/u.test(u)) return '';
  return u;
}

// What a unit's name ends with: "区司法局和区财政局" joins two units at 和, while
// "区人力资源和社会保障局" is one (its left side "区人力资源" names no unit).
const JOINED = new RegExp(`^(.{2,30}?${UNIT_END})(?:${tcAny(['以及', '及', '和', '与', '同'])})(${tc('各')}.{1,29}|.{2,30}${UNIT_END})$`);
// "县发改局、县市场监管局等县级有关部门": the 等 closes a list and a collective follows.
const ETC_THEN = new RegExp(`^(.{2,40}?)${tc('等')}(.{2,30})$`);
const GENERIC = new RegExp(`^(?:${tcAny(['有关单位', '相关单位', '单位', '部门', '相关部门'])})$`);

function expand(piece: string): string[] {
  const etc = ETC_THEN.exec(piece);
  if (etc && !GENERIC.test(etc[2]!)) return [...expand(etc[1]!), etc[2]!];
  const j = JOINED.exec(piece);
  if (j) return [...expand(j[1]!), ...expand(j[2]!)];
  return [piece];
}

export interface UnitList {
  units: string[];
  /** A deadline written among the units ("…，6月底完成"). */
  deadline: string | null;
}

/** Splits a list of units at 、，,;；/ and blanks (never inside brackets: "乡镇(街道)") and at 及/和/与 between units. */
export function readUnitList(value: string): UnitList {
  const pieces: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (/[(（[【〔]/.test(ch)) depth++;
    else if (/[)）\]】〕]/.test(ch) && depth > 0) depth--;
    if (depth === 0 && /[、，,；;/／\s]/.test(ch)) {
      pieces.push(cur);
      cur = '';
    } else cur += ch;
  }
  pieces.push(cur);
  const units: string[] = [];
  let deadline: string | null = null;
  for (const p of pieces) {
    const d = deadlineClause(p);
    if (d) deadline ??= d;
    else for (const u of expand(tidy(p))) units.push(cleanUnit(u));
  }
  return { units: units.filter(Boolean), deadline };
}

export function splitUnits(value: string): string[] {
  return readUnitList(value).units;
}

// "(区司法局牵头,各部门配合)" / "由区司法局牵头,各部门配合。" / a line "区司法局牵头": the clause
// must stand alone, so "建立由政府法制机构牵头、各部门为主体的体制" is not read as an attribution.
const LEAD_CLAUSE = new RegExp(
  `(?:^|[(（。;；\\n])\\s*(?:${tc('由')})?([^()（）。;；:：,，\\n的要]{2,40}?)${tc('牵头')}(?:${tcAny(['负责', '实施', '落实'])})?` +
    `\\s*(?:[,，;；]\\s*([^。;；:：\\n]{2,60}?)(?:${tcAny(['配合', '参与', '协助', '协同', '共同负责', '负责'])}))?\\s*(?=$|[)）。;；\\n])`,
  'g',
);

// "（区司法局牵头，各部门配合，年底前完成）": the closing deadline clause is not a unit.
const CLOSING_CLAUSE = /[，,；;]\s*([^，,；;()（）\n]{1,24})(?=\s*[)）])/g;

function leadClauses(text: string, lead: string[], resp: string[], seenL: Set<string>, seenR: Set<string>): void {
  if (!LEAD_WORD_RE.test(text)) return;
  const t = text.replace(CLOSING_CLAUSE, (m: string, c: string) => (deadlineClause(c) ? '' : m));
  for (const m of t.matchAll(LEAD_CLAUSE)) {
    const leads = splitUnits(m[1] ?? '');
    if (!leads.length || leads.some((u) => u.length > 20)) continue;
    for (const u of leads) pushUnique(lead, seenL, u);
    for (const u of splitUnits(m[2] ?? '')) pushUnique(resp, seenR, u);
  }
}

// Every key ends in one of these characters: a cheap test before the full pattern.
const MAYBE_KEY = /[位门門限间間点點排]/;

/** Lead, responsible units and a keyed deadline found anywhere in a measure's text. */
export function findUnits(text: string): Units {
  const lead: string[] = [];
  const responsible: string[] = [];
  const seenL = new Set<string>();
  const seenR = new Set<string>();
  let deadline: string | null = null;
  let inList: string | null = null;
  const keys = MAYBE_KEY.test(text) ? [...text.matchAll(ANY_KEY_RE)] : [];
  for (let k = 0; k < keys.length; k++) {
    const m = keys[k]!;
    const from = (m.index ?? 0) + m[0].length;
    const limit = keys[k + 1]?.index ?? text.length;
    const value = text.slice(from, valueEnd(text, from, limit));
    if (m[1] || m[2]) {
      const list = readUnitList(value);
      for (const u of list.units) pushUnique(m[1] ? lead : responsible, m[1] ? seenL : seenR, u);
      inList ??= list.deadline;
    } else if (!deadline) deadline = tidy(value).replace(/[,，;；。、]+$/, '') || null;
  }
  if (!lead.length) leadClauses(text, lead, responsible, seenL, seenR);
  return { ...markedLeads(lead, responsible), deadline: deadline ?? inList };
}

/** Moves units marked "（牵头）" to the lead list, without the mark. */
export function markedLeads(lead: string[], responsible: string[]): { lead: string[]; responsible: string[] } {
  if (!lead.concat(responsible).some((u) => LEAD_MARK.test(u))) return { lead, responsible };
  const outLead: string[] = [];
  const outResp: string[] = [];
  const seenL = new Set<string>();
  const seenR = new Set<string>();
  for (const u of lead) pushUnique(outLead, seenL, u.replace(LEAD_MARK, ''));
  for (const u of responsible) {
    if (LEAD_MARK.test(u)) pushUnique(outLead, seenL, u.replace(LEAD_MARK, ''));
    else pushUnique(outResp, seenR, u);
  }
  return { lead: outLead, responsible: outResp };
}

/** Whether a node's own text names its lead or responsible units. */
export function hasAttribution(text: string): boolean {
  const u = findUnits(text);
  return u.lead.length > 0 || u.responsible.length > 0;
}

/** Removes attribution parentheses ("(牵头部门:…)", "(区司法局牵头)") from a title. */
export function stripAttribution(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '(' || ch === '（') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '(' || s[j] === '（') depth++;
        else if ((s[j] === ')' || s[j] === '）') && --depth === 0) break;
      }
      const inner = s.slice(i, j + 1);
      if (hasAttribution(inner)) {
        i = j + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
