// Entry point of `npm run cli`.
import { runCli } from './cli';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
});
