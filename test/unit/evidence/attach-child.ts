// Child process of the crash test: attaches one file and prints its progress; SIGSTOPs itself at --stop-at (0..1).
import { openStore } from '../../../db/open';
import { attachPaths } from '../../../db/evidence-store/index';

const [dataDir, measureId, userId, file, stopAt] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const db = openStore(dataDir);
let last = -1;
await attachPaths(
  db,
  dataDir,
  {
    measureId,
    periodId: '2024-Q3',
    userId,
    onProgress: (p) => {
      const pct = Math.floor((p ?? 0) * 100);
      if (pct === last) return;
      last = pct;
      process.stdout.write(`${pct}\n`);
      if (stopAt !== undefined && (p ?? 0) >= Number(stopAt)) process.kill(process.pid, 'SIGSTOP');
    },
  },
  [{ path: file }],
);
process.stdout.write('done\n');
