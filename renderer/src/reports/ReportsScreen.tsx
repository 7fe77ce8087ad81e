// The report screen: choose period, kind and scope; see the report as it will print; export .docx, .xlsx, .pdf or .html.
import { useEffect } from 'react';
import { useSession } from '../stores/session';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat } from '../../../shared/report/types';
import { periodOf, useReports, type PeriodMode } from './store';
import { fill, useReportStrings } from './strings';
import { PreviewFrame } from './PreviewFrame';
import './reports.css';

const MODES: PeriodMode[] = ['quarter', 'half', 'year', 'range'];
const FORMAT_LABELS: Record<ReportFormat, string> = { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', pdf: 'PDF', html: 'HTML' };

export function ReportsScreen() {
  const s = useReportStrings();
  const periodId = useSession((x) => x.periodId);
  const { form, plans, sections, departments, preview, previewNote, loading, exports } = useReports();
  const set = useReports((x) => x.set);

  useEffect(() => {
    void useReports.getState().init(periodId);
  }, [periodId]);

  const years = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() + 1 - i);
  const topSections = sections.filter((x) => !x.preamble && (!form.planId || x.planId === form.planId) && x.measureCount > 0);

  return (
    <div className="page reports" data-testid="reports">
      <div className="reports-form">
        <h1>{s.title}</h1>
        <fieldset className="field">
          <legend>{s.period}</legend>
          <div className="radio-row" role="radiogroup">
            {MODES.map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="period-mode" checked={form.mode === m} onChange={() => set({ mode: m })} data-testid={`period-mode-${m}`} />
                {s[m]}
              </label>
            ))}
          </div>
          <div className="reports-row">
            {form.mode !== 'range' && (
              <select value={form.year} onChange={(e) => set({ year: Number(e.target.value) })} data-testid="period-year-select" aria-label={s.year}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            )}
            {form.mode === 'quarter' && (
              <select value={form.quarter} onChange={(e) => set({ quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })} data-testid="period-quarter-select" aria-label={s.quarter}>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>{`Q${q}`}</option>
                ))}
              </select>
            )}
            {form.mode === 'half' && (
              <select value={form.half} onChange={(e) => set({ half: Number(e.target.value) as 1 | 2 })} data-testid="period-half-select" aria-label={s.half}>
                <option value={1}>{s.h1}</option>
                <option value={2}>{s.h2}</option>
              </select>
            )}
            {form.mode === 'range' && (
              <>
                <span>{s.from}</span>
                <input type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} data-testid="period-from" aria-label={s.from} />
                <span>{s.to}</span>
                <input type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} data-testid="period-to" aria-label={s.to} />
              </>
            )}
            <span className="muted small">{periodOf(form)}</span>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{s.kind}</legend>
          {REPORT_KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="report-kind" checked={form.kind === k} onChange={() => set({ kind: k })} data-testid={`kind-${k}`} />
              {s[k]}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{s.scope}</legend>
          <select value={form.planId} onChange={(e) => set({ planId: e.target.value, sectionId: '' })} data-testid="scope-plan" aria-label={s.plans}>
            <option value="">{s.allPlans}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          <select value={form.sectionId} onChange={(e) => set({ sectionId: e.target.value })} data-testid="scope-section" aria-label={s.sections}>
            <option value="">{s.allSections}</option>
            {topSections.map((x) => (
              <option key={x.id} value={x.id}>
                {'\u3000'.repeat(Math.max(0, x.path.length - 1))}
                {x.heading}
              </option>
            ))}
          </select>
          <select value={form.departmentId} onChange={(e) => set({ departmentId: e.target.value })} data-testid="scope-department" aria-label={s.departments}>
            <option value="">{s.allDepartments}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </fieldset>
        <label className="field">
          <span>{s.issuer}</span>
          <input type="text" value={form.issuer} placeholder={s.issuerHint} maxLength={100} onChange={(e) => set({ issuer: e.target.value })} data-testid="report-issuer" />
        </label>
        <label className="field">
          <span>{s.date}</span>
          <input type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} data-testid="report-date" />
        </label>
        <label className="check">
          <input type="checkbox" checked={form.evidenceAppendix} onChange={(e) => set({ evidenceAppendix: e.target.checked })} data-testid="report-appendix" />
          {s.appendix}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.charts} onChange={(e) => set({ charts: e.target.checked })} data-testid="report-charts" />
          {s.charts}
        </label>
        <div className="reports-actions">
          {REPORT_FORMATS.map((f) => (
            <button key={f} type="button" className={f === 'docx' ? 'primary' : ''} disabled={!preview} onClick={() => void useReports.getState().exportAs(f)} data-testid={`export-${f}`}>
              {s.export} {FORMAT_LABELS[f]}
            </button>
          ))}
        </div>
        {exports.length > 0 && (
          <div className="reports-exports" data-testid="report-exports">
            <h2>{s.exports}</h2>
            <ul>
              {exports.map((x) => (
                <li key={x.key} data-testid="report-export" data-state={x.job.state} data-format={x.format} data-kind={x.kind}>
                  {x.done ? (
                    <a href={x.done.downloadUrl} download={x.done.fileName} data-testid="report-download">
                      {x.done.fileName}
                    </a>
                  ) : (
                    <span>
                      {s[x.kind]} · {x.format}
                    </span>
                  )}{' '}
                  {x.job.state === 'running' && (
                    <>
                      <progress max={1} value={x.job.progress ?? undefined} /> <span className="muted small">{x.job.step || s.exporting}</span>{' '}
                      <button type="button" className="link-button" onClick={() => void useReports.getState().cancel(x.key)}>
                        {s.cancel}
                      </button>
                    </>
                  )}
                  {x.job.state === 'failed' && <span className="tag tag-danger">{s.failed}</span>}
                  {x.job.state === 'cancelled' && <span className="tag">{s.cancelled}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <section className="reports-preview" aria-label={s.previewTitle}>
        {preview ? (
          <>
            <p className="muted small" data-testid="report-figures">
              {preview.periodLabel} · {fill(s.figures, { ...preview.figures })}
            </p>
            <PreviewFrame body={preview.body} css={preview.css} title={preview.title} />
          </>
        ) : (
          <p className="muted" data-testid="report-note">
            {loading ? '…' : (previewNote ?? s.emptyPreview)}
          </p>
        )}
      </section>
    </div>
  );
}
