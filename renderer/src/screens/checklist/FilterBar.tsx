// Search box and filters above the list: department, status, overdue, "我的部门".
import { Options } from '../../components/Options';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../../../shared/model';
import { NO_FILTERS, useChecklist } from '../../stores/checklist';
import { useSession } from '../../stores/session';
import { statusLabel } from '../../format';
import { headingText } from '../import/group';

export function FilterBar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const queryInput = useChecklist((s) => s.queryInput);
  const filters = useChecklist((s) => s.filters);
  const count = useChecklist((s) => s.rows.length);
  const loading = useChecklist((s) => s.loading);
  const typeQuery = useChecklist((s) => s.typeQuery);
  const setFilters = useChecklist((s) => s.setFilters);
  const toggleMine = useChecklist((s) => s.toggleMine);
  const departments = useSession((s) => s.departments);
  const myDept = useSession((s) => s.info?.user?.departmentId ?? null);
  const named = departments.filter((d) => !d.collective && d.leadCount + d.responsibleCount > 0);
  const collective = departments.filter((d) => d.collective && d.leadCount + d.responsibleCount > 0);
  const plans = useChecklist((s) => s.plans);
  const sections = useChecklist((s) => s.sections);
  const showPlan = useChecklist((s) => s.showPlan);
  const section = filters.sectionId ? sections.find((x) => x.id === filters.sectionId) : undefined;
  // The list narrowed to one plan or area (by the tree or a dashboard bar) says so beside the search box.
  const where = [plans.length > 1 ? plans.find((p) => p.id === filters.planId)?.title : undefined, section ? headingText(section.label, section.heading) : undefined]
    .filter(Boolean)
    .join(' › ');
  const filtered =
    filters.departmentId !== null || filters.status !== null || filters.overdue || filters.query !== '' || queryInput !== '';

  return (
    <div className="filter-bar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search"
        value={queryInput}
        placeholder={t('checklist.search')}
        aria-label={t('checklist.searchLabel')}
        onChange={(e) => typeQuery(e.target.value)}
        data-testid="search-input"
      />
      <select
        value={filters.departmentId ?? ''}
        onChange={(e) => setFilters({ departmentId: e.target.value || null })}
        aria-label={t('checklist.department')}
        data-testid="filter-department"
      >
        <option value="">{t('checklist.allDepartments')}</option>
        <Options items={named} value={(d) => d.id} label={(d) => d.name} />
        {collective.length > 0 && (
          <optgroup label={t('checklist.collectiveGroup')}>
            <Options items={collective} value={(d) => d.id} label={(d) => d.name} />
          </optgroup>
        )}
      </select>
      <select
        value={filters.status ?? ''}
        onChange={(e) => setFilters({ status: (e.target.value || null) as Status | null })}
        aria-label={t('checklist.status')}
        data-testid="filter-status"
      >
        <option value="">{t('checklist.allStatuses')}</option>
        <Options items={STATUSES} value={(s) => s} label={(s) => statusLabel(s)} />
      </select>
      <label className="check">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => setFilters({ overdue: e.target.checked })} data-testid="filter-overdue" />
        {t('checklist.overdue')}
      </label>
      <button
        type="button"
        className={myDept && filters.departmentId === myDept ? 'toggle on' : 'toggle'}
        aria-pressed={Boolean(myDept && filters.departmentId === myDept)}
        disabled={!myDept}
        title={myDept ? undefined : t('checklist.mineDisabled')}
        onClick={toggleMine}
        data-testid="filter-mine"
      >
        {t('checklist.mine')}
      </button>
      {filtered && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            typeQuery('');
            setFilters({ ...NO_FILTERS, planId: filters.planId, sectionId: filters.sectionId });
          }}
          data-testid="filter-clear"
        >
          {t('checklist.clearFilters')}
        </button>
      )}
      {where && (
        <span className="tag tag-info filter-scope" data-testid="filter-scope" title={where}>
          {t('checklist.scope', { where })}
          <button type="button" className="link-button" onClick={() => showPlan(null)} data-testid="filter-scope-clear" title={t('checklist.scopeClear')} aria-label={t('checklist.scopeClear')}>
            ×
          </button>
        </span>
      )}
      <span className={loading ? 'count muted loading' : 'count muted'} data-testid="measure-count" data-count={count} aria-busy={loading} aria-live="polite">
        {t('checklist.count', { count })}
      </span>
    </div>
  );
}
