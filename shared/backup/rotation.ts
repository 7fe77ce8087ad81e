// Which backups rotation keeps: everything from the last day, then the newest of each of 7 days, 4 weeks, 12 months.
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** Backups younger than this are never rotated away: a safety backup taken before a restore must outlive the next backup of the same day. */
export const KEEP_ALL_MS = 24 * 60 * 60 * 1000;

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** ISO-8601 week (Monday first), so a week never straddles two keys. */
function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)}`;
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}`;
}

/** Names to keep among backups given with their creation time; the rest may be removed. Local calendar days, weeks and months. */
export function backupsToKeep(backups: readonly { name: string; createdAt: string }[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const sorted = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  for (const b of sorted) if (now.getTime() - Date.parse(b.createdAt) < KEEP_ALL_MS) keep.add(b.name);
  for (const [key, limit] of [
    [dayKey, policy.daily],
    [weekKey, policy.weekly],
    [monthKey, policy.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const b of sorted) {
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(b.name);
    }
  }
  return keep;
}
