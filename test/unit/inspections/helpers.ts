// A ledger on disk for the inspection tests: the report fixture's plans, an inspector lead, a second inspector, a supervisor, a clerk.
import fs from 'node:fs';
import path from 'node:path';
import { openStore, closeStore, type Db } from '../../../db/open';
import { createUser } from '../../../db/queries/users';
import { createReview } from '../../../db/queries/inspections/index';
import type { Review } from '../../../shared/inspections/types';
import { buildLedger } from '../reports/fixture';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';

export interface InspectionLedger {
  dataDir: string;
  db: Db;
  ids: Map<string, string>;
  planA: string;
  lead: { id: string; name: string; role: string };
  inspector: { id: string; name: string; role: string };
  supervisor: { id: string; name: string; role: string };
  clerk: { id: string; name: string; role: string };
  review: Review;
  close(): void;
}

export function inspectionLedger(): InspectionLedger {
  const dataDir = tempDir('fazhi-insp-');
  const db = openStore(dataDir);
  const { ids, planA } = buildLedger(db);
  const lead = createUser(db, { name: '王组长', role: 'inspector', departmentId: null });
  const inspector = createUser(db, { name: '李督察', role: 'inspector', departmentId: null });
  const supervisor = createUser(db, { name: '赵科长', role: 'supervisor', departmentId: null });
  const clerk = createUser(db, { name: '钱办事员', role: 'clerk', departmentId: null });
  const review = createReview(db, { name: '2024年第三季度法治督察', planId: planA, periodId: '2024-Q3', startsOn: '2024-09-20', endsOn: '2024-09-21', reviewerIds: [lead.id, inspector.id] }, lead.id);
  return {
    dataDir,
    db,
    ids,
    planA,
    lead,
    inspector,
    supervisor,
    clerk,
    review,
    close() {
      closeStore(db);
      removeStoreDir(dataDir);
    },
  };
}

/** A small JPEG-like photo file (a real PNG: 2×1 pixels) written to a temp folder. */
export function photoFile(dir: string, name = '现场照片.png'): string {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAHAQD/+3BEAAAAAElFTkSuQmCC',
    'base64',
  );
  const file = path.join(dir, name);
  fs.writeFileSync(file, png);
  return file;
}
