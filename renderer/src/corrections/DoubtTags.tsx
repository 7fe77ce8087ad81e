// Tags on a previewed measure saying what the parser may have got wrong.
import { useTranslation } from 'react-i18next';
import { unknownUnits, type Doubt } from '../../../shared/outline/doubts';
import type { ParsedMeasure } from '../../../shared/outline/types';

export function OnlyDoubtfulLabel({ count }: { count: number }) {
  const { t } = useTranslation('corrections');
  return <>{t('onlyDoubtful', { count })}</>;
}

export function DoubtTags({ doubts, measure, known }: { doubts: Doubt[]; measure: ParsedMeasure; known: ReadonlySet<string> }) {
  const { t } = useTranslation('corrections');
  if (doubts.length === 0) return null;
  return (
    <span className="doubt-tags" data-testid="import-doubts" data-doubts={doubts.join(' ')}>
      {doubts.map((d) => (
        <span key={d} className="tag tag-warn">
          {d === 'unknownUnit' ? t('doubts.unknownUnit', { units: unknownUnits(measure, known).join('、') }) : t(`doubts.${d}`)}
        </span>
      ))}
    </span>
  );
}
