// Choosing several of a list (sections, departments) in little space: a fold-out list of checkboxes.
import type { ReactNode } from 'react';

export function MultiPick<T>(props: {
  items: readonly T[];
  value: (item: T) => string;
  label: (item: T) => ReactNode;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** What the summary says when nothing is chosen (everything counts). */
  none: string;
  /** What it says when some are chosen. */
  some: (n: number) => string;
  testId: string;
}) {
  const chosen = new Set(props.chosen);
  return (
    <details className="multipick" data-testid={props.testId}>
      <summary>{chosen.size === 0 ? props.none : props.some(chosen.size)}</summary>
      <div className="multipick-list">
        {props.items.map((item) => {
          const v = props.value(item);
          return (
            <label key={v} className="check">
              <input
                type="checkbox"
                value={v}
                checked={chosen.has(v)}
                onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, v] : props.chosen.filter((x) => x !== v))}
              />
              {props.label(item)}
            </label>
          );
        })}
      </div>
    </details>
  );
}
