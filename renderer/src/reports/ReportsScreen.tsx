// The report screen: choose period, kind and scope; see the report as it will print; export .docx, .xlsx, .pdf or .html.
import { Options, sectionChoices, sectionOptionLabel } from '../components/Options';
import { MultiPick } from '../components/MultiPick';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat } from '../../../shared/report/types';
import { periodOf, request, useReports, type PeriodMode } from './store';
import { DraftEditor } from './DraftEditor';
import { parseReportPeriod } from '../../../shared/report/period';
import { useDraft } from './draft-store';
import { PreviewFrame } from './PreviewFrame';
import { ExportedList } from './ExportedList';
import './reports.css';

const MODES: PeriodMode[] = ['quarter', 'half', 'year', 'range'];
const FORMAT_LABELS: Record<ReportFormat, string> = { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', pdf: 'PDF', html: 'HTML' };

export function ReportsScreen() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const periodId = useSession((x) => x.periodId);
  const { form, plans, sections, departments, preview, previewNote, loading } = useReports();
  const set = useReports((x) => x.set);
  const draftOpen = useDraft((x) => x.draft !== null);

  useEffect(() => {
    void useReports.getState().init(periodId);
  }, [periodId]);

  const years = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() + 1 - i);
  const topSections = sectionChoices(sections, form.planId);

  return (
    <div className="page reports" data-testid="reports">
      <div className="reports-form">
        <h1>{t('title')}</h1>
        <fieldset className="field">
          <legend>{t('period')}</legend>
          <div className="radio-row" role="radiogroup">
            {MODES.map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="period-mode" checked={form.mode === m} onChange={() => set({ mode: m })} data-testid={`period-mode-${m}`} />
                {t(m)}
              </label>
            ))}
          </div>
          <div className="reports-row">
            {form.mode !== 'range' && (
              <select value={form.year} onChange={(e) => set({ year: Number(e.target.value) })} data-testid="period-year-select" aria-label={t('year')}>
                <Options items={years} value={(y) => String(y)} label={(y) => y} />
              </select>
            )}
            {form.mode === 'quarter' && (
              <select value={form.quarter} onChange={(e) => set({ quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })} data-testid="period-quarter-select" aria-label={t('quarter')}>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    {t('quarterName', { q: tc('date.quarterNames')[q - 1] ?? q })}
                  </option>
                ))}
              </select>
            )}
            {form.mode === 'half' && (
              <select value={form.half} onChange={(e) => set({ half: Number(e.target.value) as 1 | 2 })} data-testid="period-half-select" aria-label={t('half')}>
                <option value={1}>{t('h1')}</option>
                <option value={2}>{t('h2')}</option>
              </select>
            )}
            {form.mode === 'range' && (
              <>
                <span>{t('from')}</span>
                <input type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} data-testid="period-from" aria-label={t('from')} />
                <span>{t('to')}</span>
                <input type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} data-testid="period-to" aria-label={t('to')} />
              </>
            )}
            <span className="muted small" data-testid="period-label">
              {parseReportPeriod(periodOf(form))?.label ?? ''}
            </span>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('kind')}</legend>
          {REPORT_KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="report-kind" checked={form.kind === k} onChange={() => set({ kind: k })} data-testid={`kind-${k}`} />
              {t(k)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('scope')}</legend>
          <select value={form.planId} onChange={(e) => set({ planId: e.target.value, sectionIds: [] })} data-testid="scope-plan" aria-label={t('plans')}>
            <option value="">{t('allPlans')}</option>
            <Options items={plans} value={(p) => p.id} label={(p) => p.title} />
          </select>
          <MultiPick
            items={topSections}
            value={(x) => x.id}
            label={(x) => sectionOptionLabel(x, false)}
            chosen={form.sectionIds}
            onChange={(sectionIds) => set({ sectionIds })}
            none={t('allSections')}
            some={(n) => t('someSections', { n })}
            testId="scope-section"
          />
          <MultiPick
            items={departments}
            value={(d) => d.id}
            label={(d) => d.name}
            chosen={form.departmentIds}
            onChange={(departmentIds) => set({ departmentIds })}
            none={t('allDepartments')}
            some={(n) => t('someDepartments', { n })}
            testId="scope-department"
          />
        </fieldset>
        <label className="field">
          <span>{t('grouping')}</span>
          <select value={form.grouping} onChange={(e) => set({ grouping: e.target.value === 'top' ? 'top' : 'area' })} data-testid="report-grouping">
            <option value="area">{t('groupingArea')}</option>
            <option value="top">{t('groupingTop')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('issuer')}</span>
          <input type="text" value={form.issuer} placeholder={t('issuerHint')} maxLength={100} onChange={(e) => set({ issuer: e.target.value })} data-testid="report-issuer" />
        </label>
        <label className="field">
          <span>{t('date')}</span>
          <input type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} data-testid="report-date" />
        </label>
        <label className="check">
          <input type="checkbox" checked={form.evidenceAppendix} onChange={(e) => set({ evidenceAppendix: e.target.checked })} data-testid="report-appendix" />
          {t('appendix')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.charts} onChange={(e) => set({ charts: e.target.checked })} data-testid="report-charts" />
          {t('charts')}
        </label>
        <div className="reports-actions">
          {form.kind === 'annual' && (
            <button type="button" className="primary" disabled={!preview} onClick={() => void useDraft.getState().open(request(form))} data-testid="draft-open">
              {t('draftOpen')}
            </button>
          )}
          {REPORT_FORMATS.map((f) => (
            <button key={f} type="button" className={f === 'docx' ? 'primary' : ''} disabled={!preview} onClick={() => void useReports.getState().exportAs(f)} data-testid={`export-${f}`}>
              {t('export')} {FORMAT_LABELS[f]}
            </button>
          ))}
        </div>
        <ExportedList />
      </div>
      <section className="reports-preview" aria-label={t('previewTitle')}>
        {draftOpen ? (
          <DraftEditor onExport={(id) => void useReports.getState().exportAs('docx', id)} />
        ) : preview ? (
          <>
            <p className="muted small" data-testid="report-figures">
              {preview.periodLabel} · {t('figures', { ...preview.figures })}
            </p>
            <PreviewFrame body={preview.body} css={preview.css} title={preview.title} />
          </>
        ) : (
          <p className="muted" data-testid="report-note">
            {loading ? '…' : (previewNote ?? t('emptyPreview'))}
          </p>
        )}
      </section>
    </div>
  );
}
