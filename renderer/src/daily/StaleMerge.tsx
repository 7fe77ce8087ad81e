// A save refused because the quarter was saved elsewhere meanwhile: the newer text beside the user's own, and a merge.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChecklist, type SaveConflict } from '../stores/checklist';
import { formatTime, statusLabel } from '../format';

/** Both texts, the newer first, each once: what the user merges from. */
function proposal(c: SaveConflict): string {
  const theirs = c.theirs?.narrative.trim() ?? '';
  const mine = c.mine.narrative.trim();
  if (!theirs || mine.includes(theirs)) return mine;
  if (!mine || theirs.includes(mine)) return theirs;
  return `${theirs}\n${mine}`;
}

export function StaleMerge() {
  const conflict = useChecklist((s) => s.conflict);
  if (!conflict) return null;
  // Keyed so a new conflict starts from its own proposal.
  return <MergeForm key={`${conflict.theirs?.version ?? ''}|${conflict.mine.narrative}`} conflict={conflict} />;
}

function MergeForm({ conflict }: { conflict: SaveConflict }) {
  const { t } = useTranslation('daily');
  const resolve = useChecklist((s) => s.resolveConflict);
  const [text, setText] = useState(() => proposal(conflict));
  const theirs = conflict.theirs;
  return (
    <div className="stale-merge" role="alert" data-testid="stale-merge">
      <p>
        <strong>{t('staleTitle')}</strong>
      </p>
      <div className="stale-columns">
        <div>
          <div className="small">{t('staleTheirs', { name: theirs?.updatedByName ?? '', time: theirs ? formatTime(theirs.updatedAt) : '' })}</div>
          {theirs && <div className="small muted">{statusLabel(theirs.status)}</div>}
          <pre data-testid="stale-theirs">{theirs?.narrative ?? ''}</pre>
        </div>
        <div>
          <div className="small">{t('staleMine')}</div>
          <div className="small muted">{statusLabel(conflict.mine.status)}</div>
          <pre data-testid="stale-mine">{conflict.mine.narrative}</pre>
        </div>
      </div>
      <label className="field">
        <span>{t('staleMerged')}</span>
        <textarea value={text} rows={4} maxLength={20000} onChange={(e) => setText(e.target.value)} data-testid="stale-merged" />
      </label>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void resolve({ status: conflict.mine.status, narrative: text })} data-testid="stale-save">
          {t('staleSave')}
        </button>
        <button type="button" onClick={() => void resolve(null)} data-testid="stale-take-theirs">
          {t('staleTakeTheirs')}
        </button>
      </div>
    </div>
  );
}
