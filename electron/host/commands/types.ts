// The shape of a command-line command: its name, usage line, and a function of parsed options.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  /** Option names that take a value; others given as --x are flags. */
  options: Record<string, 'string' | 'boolean'>;
  multiple?: string[];
  run(args: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined>; dataDir: string }, io: CliIo): Promise<number> | number;
}

export function stringOpt(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}
