// The parsed file: which article, how many measures, the heading tree with measures, and the commit bar.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImporter } from '../../stores/importer';
import { freeNumber, initialDraft } from './draft';
import { formatSize } from '../../../../shared/sizes';
import { groupMeasures, headingText } from './group';
import { PreviewMeasure } from './PreviewMeasure';
import { RevisionPanel } from '../../corrections/RevisionPanel';
import { OnlyDoubtfulLabel } from '../../corrections/DoubtTags';
import { useKnownUnits } from '../../corrections/known-units';
import { doubtsOf } from '../../../../shared/outline/doubts';
import { DuplicateNotice } from '../../daily/DuplicateNotice';

export function Preview() {
  const { t } = useTranslation();
  const preview = useImporter((s) => s.preview);
  const documentIndex = useImporter((s) => s.documentIndex);
  const own = useImporter((s) => s.drafts[s.documentIndex]);
  const phase = useImporter((s) => s.phase);
  const selectDocument = useImporter((s) => s.selectDocument);
  const commit = useImporter((s) => s.commit);
  const reset = useImporter((s) => s.reset);
  const doc = preview?.documents.find((d) => d.index === documentIndex) ?? preview?.documents[documentIndex];
  // Until the clerk corrects something the draft is the parsed list; its keys match the store's later copy.
  const draft = useMemo(() => own ?? (doc ? initialDraft(doc.items) : null), [own, doc]);
  const items = useMemo(() => draft?.items.map((x) => x.measure) ?? [], [draft]);
  const groups = useMemo(() => (doc ? groupMeasures(doc.sections, items) : []), [doc, items]);
  const known = useKnownUnits();
  const [onlyDoubtful, setOnlyDoubtful] = useState(false);
  const tc = useTranslation('corrections').t;
  if (!preview || !doc || !draft) return null;

  const doubts = items.map((m) => doubtsOf(m, known));
  const doubtful = doubts.filter((d) => d.length > 0).length;
  const counts = {
    sections: doc.sections.filter((s) => !s.preamble).length,
    measures: items.length,
    withLead: items.filter((m) => m.lead.length > 0).length,
    withDeadline: items.filter((m) => m.deadline).length,
  };

  return (
    <div className="preview" data-testid="import-preview">
      <p className="muted" data-testid="import-file-info">
        {t('import.fileInfo', {
          name: preview.fileName,
          size: formatSize(preview.size),
          format: preview.format,
          encoding: preview.encoding ? `,${preview.encoding}` : '',
        })}
      </p>
      {preview.documents.length > 1 && (
        <fieldset className="doc-choice">
          <legend>{t('import.documents', { count: preview.documents.length })}</legend>
          {preview.documents.map((d) => (
            <label key={d.index} className="radio doc-option" data-testid="import-doc-option">
              <input type="radio" name="document" checked={d.index === documentIndex} onChange={() => selectDocument(d.index)} />
              <span className="doc-title">{d.title ?? t('import.untitled')}</span>
              <span className="muted">{t('import.docMeasures', { count: d.items.length })}</span>
            </label>
          ))}
        </fieldset>
      )}
      <h2 className="doc-heading" data-testid="import-doc-title">
        {doc.title ?? t('import.untitled')}
      </h2>
      <p data-testid="import-counts" data-measures={counts.measures}>
        {t('import.counts', counts)}
        {doc.deadline && <span className="muted"> {t('import.docDeadline', { deadline: doc.deadline })}</span>}
      </p>
      {preview.warning && (
        <div className="warning" role="alert" data-testid="import-not-outline">
          {preview.warning}
        </div>
      )}
      {doc.duplicateOf && <DuplicateNotice dup={doc.duplicateOf} />}
      {items.length === 0 && <div className="inline-error">{t('import.noMeasures')}</div>}
      {draft.removed.length > 0 && (
        <p className="muted" data-testid="import-removed" data-count={draft.removed.length}>
          {tc('preview.removed', { count: draft.removed.length, titles: draft.removed.map((m) => m.title).join('；') })}
        </p>
      )}
      <RevisionPanel token={preview.token} documentIndex={documentIndex} />
      {doubtful > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={onlyDoubtful} onChange={(e) => setOnlyDoubtful(e.target.checked)} data-testid="import-only-doubtful" />
          <OnlyDoubtfulLabel count={doubtful} />
        </label>
      )}
      <div className="preview-tree">
        {groups.map((g, gi) => (
          <section key={gi} className={`preview-group depth-${Math.min(g.depth, 3)}`} data-testid="import-section">
            <h3 className={g.section?.preamble ? 'muted' : undefined}>
              {g.section ? headingText(g.section.label, g.section.heading) : t('import.otherSection')}
            </h3>
            {g.measures.length > 0 && (
              <ol className="preview-measures">
                {g.measures
                  .filter(({ index }) => !onlyDoubtful || doubts[index]!.length > 0)
                  .map(({ measure, index }) => (
                    <PreviewMeasure
                      key={draft.items[index]!.key}
                      index={index}
                      item={draft.items[index]!}
                      hasNext={index + 1 < draft.items.length}
                      doubts={doubts[index]!}
                      known={known}
                      suggestedNumber={freeNumber(draft, measure)}
                    />
                  ))}
              </ol>
            )}
          </section>
        ))}
      </div>
      <div className="commit-bar">
        <button type="button" className="primary" disabled={phase === 'committing' || items.length === 0 || doc.duplicateOf !== null} onClick={() => void commit()} data-testid="import-commit">
          {phase === 'committing' ? t('import.committing') : t('import.commit', { count: items.length })}
        </button>
        <button type="button" onClick={reset} disabled={phase === 'committing'} data-testid="import-restart">
          {t('import.restart')}
        </button>
      </div>
    </div>
  );
}
