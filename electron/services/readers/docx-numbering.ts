// Renders Word's automatic list numbers ("一、", "(一)", "1.") that live in numbering.xml, not in the paragraph text.
import { attr, rootPrefixes, tokenizeXml } from './xml';

const W_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

export function wordPrefix(xml: string): string {
  const prefixes = rootPrefixes(xml);
  for (const ns of W_NS) {
    const p = prefixes.get(ns);
    if (p !== undefined) return p;
  }
  return 'w';
}

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: string;
  isLgl: boolean;
  /** 1-based level after which this one restarts; 0 = never; undefined = the level just above. */
  restart: number | undefined;
  pStyle: string | undefined;
}

interface NumInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

interface StyleInfo {
  numId: string | undefined;
  ilvl: number | undefined;
  basedOn: string | undefined;
}

export interface NumberingDefs {
  abstracts: Map<string, { levels: Map<number, Level>; numStyleLink: string | undefined }>;
  nums: Map<string, NumInstance>;
  styles: Map<string, StyleInfo>;
}

function newLevel(): Level {
  return { start: 1, numFmt: 'decimal', lvlText: '', suff: 'tab', isLgl: false, restart: undefined, pStyle: undefined };
}

/** Parses numbering.xml and styles.xml (either may be missing); never throws on odd content, just knows less. */
export function parseNumbering(numberingXml: string | null, stylesXml: string | null): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  if (numberingXml) {
    const w = wordPrefix(numberingXml);
    const q = (l: string) => (w ? `${w}:${l}` : l);
    let abstract: { levels: Map<number, Level>; numStyleLink: string | undefined } | null = null;
    let num: NumInstance | null = null;
    let level: Level | null = null;
    let overrideIlvl: number | null = null;
    const closeNumbering = (name: string): void => {
      if (name === q('abstractNum')) abstract = null;
      else if (name === q('num')) num = null;
      else if (name === q('lvl')) level = null;
      else if (name === q('lvlOverride')) overrideIlvl = null;
    };
    for (const t of tokenizeXml(numberingXml)) {
      if (t.kind === 'open') {
        const v = () => attr(t.attrs, q('val'));
        switch (t.name) {
          case q('abstractNum'):
            abstract = { levels: new Map(), numStyleLink: undefined };
            defs.abstracts.set(attr(t.attrs, q('abstractNumId')) ?? '', abstract);
            break;
          case q('num'):
            num = { abstractId: '', startOverrides: new Map(), levelOverrides: new Map() };
            defs.nums.set(attr(t.attrs, q('numId')) ?? '', num);
            break;
          case q('abstractNumId'):
            if (num) num.abstractId = v() ?? '';
            break;
          case q('lvlOverride'):
            overrideIlvl = Number(attr(t.attrs, q('ilvl')) ?? 0);
            break;
          case q('startOverride'):
            if (num && overrideIlvl !== null) num.startOverrides.set(overrideIlvl, Number(v() ?? 1));
            break;
          case q('lvl'): {
            level = newLevel();
            const ilvl = Number(attr(t.attrs, q('ilvl')) ?? 0);
            if (num && overrideIlvl !== null) num.levelOverrides.set(ilvl, level);
            else if (abstract) abstract.levels.set(ilvl, level);
            break;
          }
          case q('numStyleLink'):
            if (abstract) abstract.numStyleLink = v();
            break;
          case q('start'):
            if (level) level.start = Number(v() ?? 1);
            break;
          case q('numFmt'):
            if (level) level.numFmt = v() ?? 'decimal';
            break;
          case q('lvlText'):
            if (level) level.lvlText = v() ?? '';
            break;
          case q('suff'):
            if (level) level.suff = v() ?? 'tab';
            break;
          case q('isLgl'):
            if (level) level.isLgl = v() !== '0' && v() !== 'false';
            break;
          case q('lvlRestart'):
            if (level) level.restart = Number(v() ?? 0);
            break;
          case q('pStyle'):
            if (level) level.pStyle = v();
            break;
        }
        if (t.selfClosing) closeNumbering(t.name);
      } else if (t.kind === 'close') closeNumbering(t.name);
    }
  }
  if (stylesXml) {
    const w = wordPrefix(stylesXml);
    const q = (l: string) => (w ? `${w}:${l}` : l);
    let style: StyleInfo | null = null;
    let inPPr = false;
    for (const t of tokenizeXml(stylesXml)) {
      if (t.kind === 'open') {
        if (t.name === q('style')) {
          style = { numId: undefined, ilvl: undefined, basedOn: undefined };
          if (!t.selfClosing) defs.styles.set(attr(t.attrs, q('styleId')) ?? '', style);
        } else if (style && t.name === q('basedOn')) style.basedOn = attr(t.attrs, q('val'));
        else if (style && t.name === q('pPr')) inPPr = !t.selfClosing;
        else if (style && inPPr && t.name === q('numId')) style.numId = attr(t.attrs, q('val'));
        else if (style && inPPr && t.name === q('ilvl')) style.ilvl = Number(attr(t.attrs, q('val')) ?? 0);
      } else if (t.kind === 'close') {
        if (t.name === q('style')) style = null;
        else if (t.name === q('pPr')) inPPr = false;
      }
    }
  }
  return defs;
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIAN_GAN = '甲乙丙丁戊己庚辛壬癸';
const DI_ZHI = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五: how Word writes chineseCounting. */
function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += digits[d]! + unit;
  });
  // "一十" is written "十" at the start of a number in the simplified counting formats.
  return digits === CN_DIGITS && out.startsWith('一十') ? out.slice(1) : out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  // A hostile start value must not turn one label into megabytes of repeated letters.
  if (n <= 0 || n > 780) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIAN_GAN[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? DI_ZHI[n - 1]! : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** Keeps list counters across a document, as Word does while laying it out. */
export class NumberingCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seenNums = new Set<string>();

  constructor(private readonly defs: NumberingDefs) {}

  /** numPr of a paragraph, falling back to its style chain (headings often get numbers this way). */
  resolve(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): { numId: string; ilvl: number } | null {
    let id = numId;
    let lvl = ilvl;
    let s = styleId;
    for (let guard = 0; id === undefined && s && guard < 20; guard++) {
      const st = this.defs.styles.get(s);
      if (!st) break;
      if (st.numId !== undefined) {
        id = st.numId;
        lvl ??= st.ilvl;
        if (lvl === undefined) lvl = this.levelForStyle(id, styleId!);
      }
      s = st.basedOn;
    }
    if (id === undefined || id === '0') return null;
    return { numId: id, ilvl: lvl ?? 0 };
  }

  private levelForStyle(numId: string, styleId: string): number | undefined {
    const abs = this.abstractOf(numId);
    if (!abs) return undefined;
    for (const [i, l] of abs.levels) if (l.pStyle === styleId) return i;
    return undefined;
  }

  private abstractOf(numId: string): { id: string; levels: Map<number, Level> } | null {
    let num = this.defs.nums.get(numId);
    for (let guard = 0; num && guard < 5; guard++) {
      const abs = this.defs.abstracts.get(num.abstractId);
      if (!abs) return null;
      if (!abs.numStyleLink) return { id: num.abstractId, levels: abs.levels };
      // numStyleLink: the list's real definition hangs off a numbering style's numId.
      const linked = this.defs.styles.get(abs.numStyleLink)?.numId;
      num = linked ? this.defs.nums.get(linked) : undefined;
    }
    return null;
  }

  private level(numId: string, ilvl: number): Level | undefined {
    return this.defs.nums.get(numId)?.levelOverrides.get(ilvl) ?? this.abstractOf(numId)?.levels.get(ilvl);
  }

  /** The label for the next paragraph in this list at this level ("三、", "(二)", "1."), suffix included. */
  next(numId: string, ilvl: number): string {
    const abs = this.abstractOf(numId);
    const lvl = this.level(numId, ilvl);
    if (!abs || !lvl) return '';
    let counts = this.counters.get(abs.id);
    if (!counts) this.counters.set(abs.id, (counts = []));
    const num = this.defs.nums.get(numId);
    if (num && !this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      // startOverride restarts the list for this instance, e.g. a second "1." list reusing the same definition.
      for (const [i, start] of num.startOverrides) counts[i] = start - 1;
    }
    counts[ilvl] = counts[ilvl] === undefined ? lvl.start : counts[ilvl]! + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const restart = this.level(numId, d)?.restart;
      if (restart === undefined ? true : restart !== 0 && ilvl < restart) counts[d] = undefined;
    }
    if (lvl.numFmt === 'bullet' || lvl.numFmt === 'none') return '';
    const label = lvl.lvlText.replace(/%([1-9])/g, (_m, k: string) => {
      const i = Number(k) - 1;
      const l = this.level(numId, i);
      const value = counts[i] ?? l?.start ?? 1;
      return formatNumber(value, lvl.isLgl ? 'decimal' : (l?.numFmt ?? 'decimal'));
    });
    if (!label) return '';
    if (lvl.suff === 'nothing') return label;
    // A tab after "一、" or "1." is only layout; after "第一章" it separates words, so keep a space there.
    return /[\p{P}\p{S}]$/u.test(label) ? label : `${label} `;
  }
}
