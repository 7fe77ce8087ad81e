// What a clerk reads about a file's type (Word 文档, 图片), and which files the preview can show.
import type { EvidenceItem } from '../../../shared/api/evidence';
import { i18n } from '../i18n/index';

const tr = i18n.getFixedT(null, 'evidence');

function extension(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Word and Excel files whose words the host extracts for the preview. */
export function hasTextPreview(item: Pick<EvidenceItem, 'name' | 'kind'>): boolean {
  return item.kind === 'office' && ['docx', 'xlsx'].includes(extension(item.name));
}

export function canPreview(item: Pick<EvidenceItem, 'name' | 'kind'>): boolean {
  return item.kind === 'image' || item.kind === 'pdf' || item.kind === 'text' || hasTextPreview(item);
}

/** The type in plain words, never a MIME type. */
export function typeName(item: Pick<EvidenceItem, 'name' | 'kind'>): string {
  const ext = extension(item.name);
  if (ext === 'doc' || ext === 'docx' || ext === 'wps') return tr('formats.word');
  if (ext === 'xls' || ext === 'xlsx' || ext === 'et') return tr('formats.excel');
  return tr(`kinds.${item.kind}`);
}
