// Real rows written the way versions 1 and 2 of the app wrote them (plain SQL, change_log), for migration tests.
import type Database from 'better-sqlite3';
import { toSearchBody } from '../../shared/search-text';

export const LEGACY = {
  user: 'u-1',
  dept: 'd-1',
  plan: 'p-1',
  section: 's-1',
  measure: 'm-1',
  measure2: 'm-2',
  progress: 'pr-1',
  sha: 'c'.repeat(64),
  sha2: 'd'.repeat(64),
};

/** A version-1 store's data: a user, a department with two spellings, a plan, two measures, one progress record with its log. */
export function fillVersion1(db: Database.Database): void {
  const L = LEGACY;
  db.exec(`
    INSERT INTO departments (id, name, canonical_key, collective, created_at) VALUES ('${L.dept}', '区司法局', '司法局', 0, '2024-04-01T08:00:00.000Z');
    INSERT INTO department_aliases (alias, department_id) VALUES ('区司法局', '${L.dept}'), ('区司法局办公室', '${L.dept}');
    INSERT INTO users (id, name, role, department_id, is_system, created_at) VALUES ('${L.user}', '张三', 'clerk', '${L.dept}', 0, '2024-04-01T08:00:00.000Z');
    INSERT INTO plans (id, title, issuer, period, intro, deadline, source_name, source_sha256, source_format, document_index, imported_at, imported_by)
      VALUES ('${L.plan}', '某区法治政府建设实施方案', NULL, '2021—2025年', '为深入推进依法行政。', NULL, 'a.docx', '${'b'.repeat(64)}', 'docx', 0, '2024-04-01T08:01:00.000Z', '${L.user}');
    INSERT INTO sections (id, plan_id, parent_id, path, label, heading, context, preamble, ord) VALUES ('${L.section}', '${L.plan}', NULL, '["一"]', '一', '主要任务', '', 0, 0);
    INSERT INTO measures (id, plan_id, section_id, path, number, title, text, deadline, deadline_date, targets, ord, created_at, updated_at)
      VALUES ('${L.measure}', '${L.plan}', '${L.section}', '["一","1"]', '1', '加强行政复议工作', '加强行政复议工作。', '2021年年底前', '2021-12-31', '["达100%"]', 0, '2024-04-01T08:01:00.000Z', '2024-04-01T08:01:00.000Z'),
             ('${L.measure2}', '${L.plan}', '${L.section}', '["一","2"]', '2', '推行权力清单制度', '推行权力清单制度。', NULL, NULL, '[]', 1, '2024-04-01T08:01:00.000Z', '2024-04-01T08:01:00.000Z');
    INSERT INTO measure_departments (measure_id, department_id, role, as_written, ord) VALUES ('${L.measure}', '${L.dept}', 'lead', '区司法局', 0);
    INSERT INTO periods (id, year, quarter, starts_on, ends_on) VALUES ('2024-Q2', 2024, 2, '2024-04-01', '2024-06-30');
    INSERT INTO progress (id, measure_id, period_id, status, narrative, updated_by, updated_at) VALUES ('${L.progress}', '${L.measure}', '2024-Q2', '已完成', '已召开专题会议。', '${L.user}', '2024-05-02T09:00:00.000Z');
    INSERT INTO search_refs (rowid, ref_id, measure_id) VALUES (1, 'measure:${L.measure}', '${L.measure}'), (2, 'progress:${L.progress}', '${L.measure}');
    INSERT INTO change_log (id, at, user_id, action, entity, entity_id, measure_id, field, old_value, new_value) VALUES
      ('c1', '2024-04-01T08:01:00.000Z', '${L.user}', 'import', 'plan', '${L.plan}', NULL, NULL, NULL, '某区法治政府建设实施方案(2 项措施,来自 a.docx)'),
      ('c2', '2024-05-01T09:00:00.000Z', '${L.user}', 'create', 'progress', '${L.progress}', '${L.measure}', 'status:2024-Q2', NULL, '推进中'),
      ('c3', '2024-05-01T09:00:00.000Z', '${L.user}', 'create', 'progress', '${L.progress}', '${L.measure}', 'narrative:2024-Q2', NULL, '已召开专题会议。'),
      ('c4', '2024-05-02T09:00:00.000Z', '${L.user}', 'update', 'progress', '${L.progress}', '${L.measure}', 'status:2024-Q2', '推进中', '已完成');
  `);
  const index = db.prepare('INSERT INTO search_index (rowid, body) VALUES (?, ?)');
  index.run(1, toSearchBody('加强行政复议工作\n加强行政复议工作。\n区司法局'));
  index.run(2, toSearchBody('已召开专题会议。'));
}

/** Version 2 adds evidence: one file still attached (its description edited once), one attached and then removed. */
export function fillVersion2(db: Database.Database): void {
  const L = LEGACY;
  db.exec(`
    INSERT INTO evidence (id, measure_id, period_id, sha256, name, size, mime, description, doc_number, doc_date, added_by, added_at)
      VALUES ('e-1', '${L.measure}', '2024-Q2', '${L.sha}', '会议纪要.pdf', 1234, 'application/pdf', '第二次会议', NULL, NULL, '${L.user}', '2024-05-03T09:00:00.000Z');
    INSERT INTO change_log (id, at, user_id, action, entity, entity_id, measure_id, field, old_value, new_value) VALUES
      ('c5', '2024-05-03T09:00:00.000Z', '${L.user}', 'create', 'evidence', 'e-1', '${L.measure}', 'evidence:2024-Q2', NULL, '会议纪要.pdf(SHA-256 ${L.sha})'),
      ('c6', '2024-05-04T09:00:00.000Z', '${L.user}', 'update', 'evidence', 'e-1', '${L.measure}', 'evidence.description:会议纪要.pdf', '', '第二次会议'),
      ('c7', '2024-05-05T09:00:00.000Z', '${L.user}', 'create', 'evidence', 'e-2', '${L.measure}', 'evidence:2024-Q2', NULL, '照片.jpg(SHA-256 ${L.sha2})'),
      ('c8', '2024-05-06T09:00:00.000Z', '${L.user}', 'delete', 'evidence', 'e-2', '${L.measure}', 'evidence:2024-Q2', '照片.jpg(SHA-256 ${L.sha2})', NULL);
  `);
}
