// Child process of the crash test: repeats one kind of work on a store until killed, printing "ok N" after each commit.
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../db/open';
import { attachPaths } from '../../../db/evidence-store/index';
import { importDocument } from '../../../db/queries/plans';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { createBackup } from '../../../db/backup/index';
import { produceReport } from '../../../electron/services/reports/produce';
import { newExport } from '../../../electron/services/reports/exports';
import { writeFileAtomic } from '../../../electron/services/reports/atomic';
import { generateDocument } from '../../helpers/generate';
import { writeFileOfSize } from '../evidence/helpers';

const [op, dataDir, scratch] = process.argv.slice(2) as [string, string, string];
const db = openStore(dataDir);
const userId = systemUser(db).id;
const measures = (db.prepare('SELECT id FROM measures ORDER BY ord').all() as { id: string }[]).map((r) => r.id);
const say = (n: number, what = '') => process.stdout.write(`ok ${n} ${what}\n`);

for (let i = 1; ; i++) {
  switch (op) {
    case 'progress':
      setProgress(db, { measureId: measures[i % measures.length]!, periodId: '2024-Q3', status: '推进中', narrative: `第${i}次修改`, userId });
      say(i, measures[i % measures.length]);
      break;
    case 'import':
      // Generated outlines can resemble each other; what is tested here is the kill, not duplicate detection.
      importDocument(db, generateDocument(300, 1000 + i + process.pid), { fileName: `方案${i}.txt`, sha256: `${process.pid}-${i}`.padEnd(64, '0').slice(0, 64), format: 'txt', documentIndex: 0 }, userId, { anyway: true });
      say(i);
      break;
    case 'attach': {
      const file = path.join(scratch, `${process.pid}-${i}.pdf`);
      writeFileOfSize(file, 512 * 1024, i + process.pid);
      const r = await attachPaths(db, dataDir, { measureId: measures[i % measures.length]!, periodId: '2024-Q3', userId }, [{ path: file }]);
      fs.rmSync(file);
      say(i, r.items[0]?.sha256);
      break;
    }
    case 'export': {
      const produced = await produceReport(db, { period: '2024-Q3', kind: 'quarterly', format: 'docx' });
      await writeFileAtomic(newExport(dataDir, produced.fileName).path, produced.bytes);
      say(i);
      break;
    }
    case 'backup': {
      // Each round has new evidence to copy, so kills land in the copy as well as in the snapshot.
      const file = path.join(scratch, `${process.pid}-${i}.pdf`);
      writeFileOfSize(file, 256 * 1024, i + process.pid);
      await attachPaths(db, dataDir, { measureId: measures[i % measures.length]!, periodId: '2024-Q3', userId }, [{ path: file }]);
      fs.rmSync(file);
      setProgress(db, { measureId: measures[0]!, periodId: '2024-Q3', status: '推进中', narrative: `备份${i}`, userId });
      const b = await createBackup(db, dataDir, { reason: 'manual' });
      say(i, b.name);
      break;
    }
    default:
      throw new Error(`unknown op ${op}`);
  }
}
