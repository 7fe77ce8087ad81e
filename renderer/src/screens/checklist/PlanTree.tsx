// Left tree: all plans, each plan's sections nested as in the outline; a click filters the list.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../../shared/model';
import { useChecklist } from '../../stores/checklist';
import { headingText } from '../import/group';
import { sectionChoices } from '../../components/Options';
import { PlanDelete } from '../../daily/PlanDelete';

function childrenOf(sections: readonly Section[]): Map<string | null, Section[]> {
  const m = new Map<string | null, Section[]>();
  for (const s of sectionChoices(sections, null)) {
    const list = m.get(s.parentId) ?? [];
    list.push(s);
    m.set(s.parentId, list);
  }
  return m;
}

export function PlanTree() {
  const { t } = useTranslation();
  const plans = useChecklist((s) => s.plans);
  const sections = useChecklist((s) => s.sections);
  const planId = useChecklist((s) => s.filters.planId);
  const sectionId = useChecklist((s) => s.filters.sectionId);
  const showPlan = useChecklist((s) => s.showPlan);
  const byPlan = useMemo(() => {
    const m = new Map<string, Section[]>();
    for (const s of sections) m.set(s.planId, [...(m.get(s.planId) ?? []), s]);
    return m;
  }, [sections]);

  const renderSections = (kids: Map<string | null, Section[]>, parent: string | null, depth: number) => {
    const list = kids.get(parent);
    if (!list) return null;
    return (
      <ul className="tree-level">
        {list.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={sectionId === s.id ? 'tree-item active' : 'tree-item'}
              data-depth={depth}
              data-testid="tree-section"
              title={headingText(s.label, s.heading)}
              onClick={() => showPlan(s.planId, s.id)}
            >
              <span className="tree-label">{headingText(s.label, s.heading)}</span>
              <span className="tree-count">{s.measureCount}</span>
            </button>
            {renderSections(kids, s.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <nav className="tree" aria-label={t('checklist.plans')} data-testid="plan-tree">
      <button type="button" className={!planId ? 'tree-item root active' : 'tree-item root'} onClick={() => showPlan(null)} data-testid="tree-all">
        <span className="tree-label">{t('checklist.allPlans')}</span>
        <span className="tree-count">{plans.reduce((n, p) => n + p.measureCount, 0)}</span>
      </button>
      <ul className="tree-level">
        {plans.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={planId === p.id && !sectionId ? 'tree-item plan active' : 'tree-item plan'}
              data-testid="tree-plan"
              title={p.title}
              onClick={() => showPlan(p.id)}
            >
              <span className="tree-label">{p.title}</span>
              <span className="tree-count">{p.measureCount}</span>
            </button>
            {planId === p.id && <PlanDelete plan={p} />}
            {planId === p.id && renderSections(childrenOf(byPlan.get(p.id) ?? []), null, 1)}
          </li>
        ))}
      </ul>
    </nav>
  );
}
