// File sizes as people read them: 1536 → "1.5 KB", 5.2e9 → "4.8 GB".
export function formatSize(bytes: number, byteUnit = 'B'): string {
  if (bytes < 1024) return `${bytes} ${byteUnit}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
