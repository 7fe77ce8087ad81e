// The <option>s of a select, one per item: the value and label say how to read each item.
import type { ReactNode } from 'react';
import type { Section } from '../../../shared/model';

export function Options<T>(props: { items: readonly T[]; value: (item: T) => string; label: (item: T) => ReactNode }) {
  return (
    <>
      {props.items.map((item) => {
        const v = props.value(item);
        return (
          <option key={v} value={v}>
            {props.label(item)}
          </option>
        );
      })}
    </>
  );
}

/** A section as an option: indented by its depth with full-width spaces, since <option> takes no markup. */
export function sectionOptionLabel(s: { path: readonly string[]; label?: string; heading: string }, withLabel = true): string {
  return `${'\u3000'.repeat(Math.max(0, s.path.length - 1))}${withLabel && s.label ? `${s.label}、` : ''}${s.heading}`;
}

/** Sections worth offering as a choice: real headings (no preamble) holding measures, of one plan or of all. */
export function sectionChoices(sections: readonly Section[], planId: string | null | undefined): Section[] {
  return sections.filter((s) => !s.preamble && s.measureCount > 0 && (!planId || s.planId === planId));
}
