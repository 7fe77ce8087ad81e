// Child process of the crash test: imports one package, printing progress; SIGSTOPs itself once progress reaches the given fraction.
import { openStore } from '../../../db/open';
import { importPackage } from '../../../electron/core/packages/import';

const [dataDir, file, stopAt] = process.argv.slice(2) as [string, string, string];
const db = openStore(dataDir);
let last = -1;
await importPackage(db, dataDir, file, undefined, {
  onProgress: (p) => {
    const pct = Math.floor((p ?? 0) * 100);
    if (pct === last) return;
    last = pct;
    process.stdout.write(`${pct}\n`);
    if ((p ?? 0) >= Number(stopAt)) process.kill(process.pid, 'SIGSTOP');
  },
});
process.stdout.write('done\n');
