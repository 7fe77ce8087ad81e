// The plan a row belongs to, named only when rows of more than one plan can be on screen (one plan needs no label).
import { useChecklist } from '../stores/checklist';

/** True when the ledger holds several plans and the list is not narrowed to one of them. */
export function useSeveralPlans(narrowedTo: string | null | undefined = null): boolean {
  const count = useChecklist((s) => s.plans.length);
  return count > 1 && !narrowedTo;
}

export function planTitleOf(planId: string): string {
  return useChecklist.getState().plans.find((p) => p.id === planId)?.title ?? '';
}

export function PlanTag({ planId, title }: { planId: string; title?: string }) {
  const fromStore = useChecklist((s) => s.plans.find((p) => p.id === planId)?.title);
  const text = title ?? fromStore;
  if (!text) return null;
  return (
    <span className="tag plan-tag" title={text} data-testid="plan-tag" data-plan-id={planId}>
      {text}
    </span>
  );
}
