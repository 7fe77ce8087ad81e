// Core figures: parse time per seed, search latency on a 5,000-measure ledger, import time per seed.
import fs from 'node:fs';
import path from 'node:path';
import { parseOutline } from '../../shared/outline/index';
import { openStore, closeStore } from '../../db/open';
import { importDocument } from '../../db/queries/plans';
import { listMeasures } from '../../db/queries/measures';
import { searchMeasureIds } from '../../db/queries/search';
import { createUser } from '../../db/queries/users';
import { defaultDocumentIndex } from '../../electron/services/templates';
import { generateDocument, seeded } from '../helpers/generate';
import { seedProgress } from '../helpers/ledger';
import { removeDir, tempDir } from '../helpers/temp';
import { figure, percentile, timeMs } from './figures';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const seeds = ['000_0de7c43a80d3d30b.txt', '001_9b9a54170b52034a.txt', '003_244a23676422eee3.txt'];

for (const s of seeds) {
  const text = fs.readFileSync(path.join(fixtures, s), 'utf8');
  parseOutline(text);
  const runs = Array.from({ length: 20 }, () => timeMs(() => parseOutline(text))).sort((a, b) => a - b);
  figure(`parse ${s} (median of 20)`, percentile(runs, 50), 'ms');
}

for (const s of seeds) {
  const dir = tempDir();
  const db = openStore(dir);
  const user = createUser(db, { name: 'bench', role: 'supervisor', departmentId: null });
  const ms = timeMs(() => {
    const outline = parseOutline(fs.readFileSync(path.join(fixtures, s), 'utf8'));
    const i = defaultDocumentIndex(outline);
    importDocument(db, outline.documents[i]!, { fileName: s, sha256: s, format: 'txt', documentIndex: i }, user.id);
  });
  figure(`import ${s} (parse + store)`, ms, 'ms');
  closeStore(db);
  removeDir(dir);
}

{
  const dir = tempDir();
  const db = openStore(dir);
  const user = createUser(db, { name: 'bench', role: 'supervisor', departmentId: null });
  const genMs = timeMs(() => importDocument(db, generateDocument(5000, 3), { fileName: 'gen.txt', sha256: 'gen', format: 'txt', documentIndex: 0 }, user.id));
  figure('import generated outline of 5000 measures', genMs, 'ms');
  const progMs = timeMs(() => seedProgress(db, user.id, 20_000, 5));
  figure('record 20000 progress records (one transaction)', progMs, 'ms');

  const corpus = (db.prepare('SELECT title || text AS t FROM measures').all() as { t: string }[]).map((r) => r.t);
  const rnd = seeded(11);
  for (const len of [2, 3, 4]) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 200; i++) {
      const src = Array.from(corpus[Math.floor(rnd() * corpus.length)]!).filter((c) => /[\u4e00-\u9fff]/.test(c));
      const start = Math.floor(rnd() * Math.max(1, src.length - len));
      const q = src.slice(start, start + len).join('');
      times.push(timeMs(() => (hits += searchMeasureIds(db, q).length)));
    }
    times.sort((a, b) => a - b);
    figure(`search ids ${len}-char query p50 (5000 measures, 20000 progress)`, percentile(times, 50), 'ms');
    figure(`search ids ${len}-char query p95 (5000 measures, 20000 progress)`, percentile(times, 95), 'ms');
    const full: number[] = [];
    for (let i = 0; i < 40; i++) {
      const q = Array.from(corpus[i * 7]!).filter((c) => /[\u4e00-\u9fff]/.test(c)).slice(0, len).join('');
      full.push(timeMs(() => listMeasures(db, { periodId: '2025-Q2', query: q })));
    }
    full.sort((a, b) => a - b);
    figure(`checklist rows for a ${len}-char query p95 (with status and units)`, percentile(full, 95), 'ms');
  }
  figure('checklist all 5000 rows with status and units', timeMs(() => listMeasures(db, { periodId: '2025-Q2' })), 'ms');
  closeStore(db);
  removeDir(dir);
}
