// The command line for administrators and tests: `npm run -s cli -- COMMAND …`; JSON on stdout, Chinese errors on stderr.
import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors';
import { diskError } from '../../db/backup/files';
import { setPassphrase } from '../../db/store-key';
import { readPassphraseFile } from './commands/store';
import { resolveDataDir } from '../services/data-dir';
import { cliCommands } from '../services/cli-commands';
import type { CliIo } from './commands/types';

function usage(): string {
  return ['用法:npm run -s cli -- 命令 [参数] [--data-dir 目录]', '', ...cliCommands.map((c) => `  ${c.usage}`), '', '数据目录也可用环境变量 FAZHI_DATA_DIR 指定。已加密的台账,每个命令都需加 --passphrase-file 口令文件。'].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (!first || first === 'help' || first === '--help' || first === '-h') {
    io.out(usage());
    return first ? 0 : 2;
  }
  // Two-word commands (`measure edit`, `package export`) before one-word ones.
  const two = second ? cliCommands.find((c) => c.name === `${first} ${second}`) : undefined;
  const cmd = two ?? cliCommands.find((c) => c.name === first);
  const name = two ? `${first} ${second}` : first;
  const rest = argv.slice(two ? 2 : 1);
  if (!cmd) {
    io.err(`未知命令“${name}”。\n${usage()}`);
    return 2;
  }
  let dataDir = '';
  try {
    const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' } };
    for (const [k, t] of Object.entries(cmd.options)) options[k] = { type: t, ...(cmd.multiple?.includes(k) ? { multiple: true } : {}) };
    const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    dataDir = resolveDataDir(parsed.values['data-dir'] as string | undefined);
    const passFile = parsed.values['passphrase-file'];
    if (typeof passFile === 'string') setPassphrase(dataDir, readPassphraseFile(passFile));
    return await cmd.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | string[] | undefined>, dataDir }, io);
  } catch (thrown) {
    // A full or read-only disk met anywhere (SQLite included) is named rather than reported as an internal error.
    const e = dataDir ? diskError(thrown, dataDir, '操作') : thrown;
    if (isAppError(e)) {
      io.err(e.message);
      if (process.env.FAZHI_DEBUG && e.detail) io.err(e.detail);
      return 1;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`参数有误:${e.message}\n${cmd.usage}`);
      return 2;
    }
    io.err('操作失败:程序内部出错,数据未被修改。');
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
}
