// Built-in outlines a newcomer can import in one click: the seed outlines shipped with the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOutline } from '../../shared/outline/index';
import type { ParsedOutline } from '../../shared/outline/types';
import type { TemplateInfo } from '../../shared/api/ledger';
import { AppError } from '../../shared/errors';

const FILES: Record<string, string> = {
  'dadukou-2017': 'dadukou-2017.txt',
  'caoxian-2016': 'caoxian-2016.txt',
  'yancheng-2021': 'yancheng-2021.txt',
};

function templatesDir(): string {
  return process.env.FAZHI_TEMPLATES_DIR ?? fileURLToPath(new URL('./templates/', import.meta.url));
}

export interface LoadedTemplate {
  id: string;
  fileName: string;
  bytes: Buffer;
  outline: ParsedOutline;
  defaultDocument: number;
}

const cache = new Map<string, LoadedTemplate>();

export function defaultDocumentIndex(outline: ParsedOutline): number {
  let best = 0;
  outline.documents.forEach((d, i) => {
    if (d.items.length > (outline.documents[best]?.items.length ?? 0)) best = i;
  });
  return best;
}

export function loadTemplate(id: string): LoadedTemplate {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = FILES[id];
  if (!file) throw new AppError('not_found', '没有这个内置模板。请从列表中选择。');
  const bytes = fs.readFileSync(path.join(templatesDir(), file));
  const outline = parseOutline(bytes.toString('utf8'));
  const t = { id, fileName: file, bytes, outline, defaultDocument: defaultDocumentIndex(outline) };
  cache.set(id, t);
  return t;
}

export function listTemplates(): TemplateInfo[] {
  return Object.keys(FILES).map((id) => {
    const t = loadTemplate(id);
    const doc = t.outline.documents[t.defaultDocument];
    return { id, title: doc?.title ?? id, measureCount: doc?.items.length ?? 0 };
  });
}
