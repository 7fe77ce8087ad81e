// Arranges a parsed document's measures under the headings they belong to, for the preview tree.
import type { ParsedMeasure, ParsedSection } from '../../../../shared/outline/types';
import { readUnitList } from '../../../../shared/outline/units';

export interface PreviewGroup {
  section: ParsedSection | null;
  /** 0 for 一、, 1 for (一), … */
  depth: number;
  measures: { measure: ParsedMeasure; index: number }[];
}

const key = (path: readonly string[]): string => path.join('\u0001');

/** Sections in document order, each with the measures directly under it; orphans last. */
export function groupMeasures(sections: readonly ParsedSection[], items: readonly ParsedMeasure[]): PreviewGroup[] {
  const groups = sections.map((s): PreviewGroup => ({ section: s, depth: Math.max(0, s.path.length - 1), measures: [] }));
  const byPath = new Map(groups.map((g) => [key(g.section!.path), g]));
  const orphans: PreviewGroup = { section: null, depth: 0, measures: [] };
  items.forEach((measure, index) => {
    // The nearest heading above the measure: its path minus its own label, then shorter prefixes.
    for (let n = measure.path.length - 1; n >= 0; n--) {
      const g = n > 0 ? byPath.get(key(measure.path.slice(0, n))) : undefined;
      if (g) {
        g.measures.push({ measure, index });
        return;
      }
    }
    orphans.measures.push({ measure, index });
  });
  return orphans.measures.length ? [...groups, orphans] : groups;
}

/** "一、总体要求", "(一)依法全面履行政府职能" */
export function headingText(label: string, heading: string): string {
  if (!label) return heading;
  return /^[((]/.test(label) ? `${label}${heading}` : `${label}、${heading}`;
}

/** Units typed by the clerk, read as the parser reads them: "区司法局、区法制办" → two units, while
 *  "重庆市大渡口区人民政府办公室（区政府法制办公室、区金融工作办公室）" stays one (、 inside brackets). */
export function splitUnits(s: string): string[] {
  return readUnitList(s).units;
}
