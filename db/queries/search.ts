// Keeps the bigram search index in step with measures and progress, and answers substring queries.
import type { Db } from '../open';
import { toMatchQuery, toSearchBody } from '../../shared/search-text';
import { stmt } from '../sync/stmt';

/** Indexes (or re-indexes) one text that belongs to a measure; `refId` is the row it came from. */
export function indexText(db: Db, refId: string, measureId: string, text: string): void {
  const existing = stmt(db, 'SELECT rowid FROM search_refs WHERE ref_id = ?').get(refId) as { rowid: number } | undefined;
  const body = toSearchBody(text);
  if (existing) {
    stmt(db, 'UPDATE search_index SET body = ? WHERE rowid = ?').run(body, existing.rowid);
    return;
  }
  const { lastInsertRowid } = stmt(db, 'INSERT INTO search_refs (ref_id, measure_id) VALUES (?, ?)').run(refId, measureId);
  stmt(db, 'INSERT INTO search_index (rowid, body) VALUES (?, ?)').run(lastInsertRowid, body);
}

export function unindexText(db: Db, refId: string): void {
  const existing = db.prepare('SELECT rowid FROM search_refs WHERE ref_id = ?').get(refId) as { rowid: number } | undefined;
  if (!existing) return;
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(existing.rowid);
  db.prepare('DELETE FROM search_refs WHERE rowid = ?').run(existing.rowid);
}

/**
 * Ids of measures whose text or progress narratives contain the query (every segment of two
 * or more characters as a substring). A query of one character falls back to a scan.
 */
export function searchMeasureIds(db: Db, query: string): string[] {
  const match = toMatchQuery(query);
  if (match) {
    return (
      db
        .prepare(
          `SELECT DISTINCT r.measure_id AS id FROM search_index s JOIN search_refs r ON r.rowid = s.rowid
           WHERE search_index MATCH ?`,
        )
        .all(match) as { id: string }[]
    ).map((r) => r.id);
  }
  const q = query.trim();
  if (!q) return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .prepare(
        `SELECT id FROM measures WHERE title LIKE @like ESCAPE '\\' OR text LIKE @like ESCAPE '\\'
         UNION SELECT measure_id FROM progress WHERE narrative LIKE @like ESCAPE '\\'`,
      )
      .all({ like }) as { id: string }[]
  ).map((r) => r.id);
}
