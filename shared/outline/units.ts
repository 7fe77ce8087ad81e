// Lead and responsible units: (牵头单位:…,责任单位:…), 责任单位: lines, and "X牵头,Y配合" wording.

import { ANY_KEY_RE, LEAD_WORD_RE } from './keys';
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

/** One unit as written: trimmed, without a trailing 等 or stray punctuation. */
function cleanUnit(raw: string): string {
  let u = tidy(raw).replace(/^[“"‘'《]+|[”"’'》]+$/g, '');
  u = u.replace(/[。.，,、；;：:]+$/, '').replace(/^(?:由|[、，,；;])+/, '');
  u = u.replace(TRAILING_ETC, '').trim();
  const duty = u.replace(TRAILING_DUTY, '');
  if (duty.length >= 2 && duty !== u) u = duty.replace(TRAILING_ETC, '');
  if (!u || u.length > 40 || !/[\p{Script=Han}A-Za-z]/u.test(u)) return '';
  return u;
}

/** Splits a list of units at 、，,;；/ and blanks, never inside parentheses ("乡镇(街道)"). */
export function splitUnits(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (depth === 0 && /[、，,；;/／\s]/.test(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map(cleanUnit).filter(Boolean);
}

// "(区司法局牵头,各部门配合)" / "由区司法局牵头,各部门配合。" / a line "区司法局牵头": the clause
// must stand alone, so "建立由政府法制机构牵头、各部门为主体的体制" is not read as an attribution.
const LEAD_CLAUSE = new RegExp(
  `(?:^|[(（。;；\\n])\\s*(?:${tc('由')})?([^()（）。;；:：,，\\n的要]{2,40}?)${tc('牵头')}(?:${tcAny(['负责', '实施', '落实'])})?` +
    `\\s*(?:[,，;；]\\s*([^。;；:：\\n]{2,60}?)(?:${tcAny(['配合', '参与', '协助', '协同', '共同负责', '负责'])}))?\\s*(?=$|[)）。;；\\n])`,
  'g',
);

function leadClauses(text: string, lead: string[], resp: string[], seenL: Set<string>, seenR: Set<string>): void {
  if (!LEAD_WORD_RE.test(text)) return;
  for (const m of text.matchAll(LEAD_CLAUSE)) {
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
  const keys = MAYBE_KEY.test(text) ? [...text.matchAll(ANY_KEY_RE)] : [];
  for (let k = 0; k < keys.length; k++) {
    const m = keys[k]!;
    const from = (m.index ?? 0) + m[0].length;
    const limit = keys[k + 1]?.index ?? text.length;
    const value = text.slice(from, valueEnd(text, from, limit));
    if (m[1]) for (const u of splitUnits(value)) pushUnique(lead, seenL, u);
    else if (m[2]) for (const u of splitUnits(value)) pushUnique(responsible, seenR, u);
    else if (!deadline) deadline = tidy(value).replace(/[,，;；。、]+$/, '') || null;
  }
  if (!lead.length) leadClauses(text, lead, responsible, seenL, seenR);
  return { ...markedLeads(lead, responsible), deadline };
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
