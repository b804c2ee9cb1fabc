import { ValidationError } from '../errors.js';
import { InputFileError } from '../io/read.js';
import { assignCommand } from './commands/assign.js';
import { classifyCommand } from './commands/classify.js';
import { matchCommand } from './commands/match.js';
import { reportCommand } from './commands/report.js';
import { scheduleCommand } from './commands/schedule.js';
import { type Command, type Io, UsageError } from './shared.js';

const COMMANDS: readonly Command[] = [matchCommand, classifyCommand, assignCommand, scheduleCommand, reportCommand];

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return `innomatch: match enterprise technology needs to experts

Usage: innomatch <command> [options]      (innomatch <command> --help for details)

Commands:
${lines.join('\n')}
`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 1 : 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`innomatch: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`innomatch ${cmd.name}: ${e.message}\n(see innomatch ${cmd.name} --help)\n`);
      return 2;
    }
    if (e instanceof InputFileError || e instanceof ValidationError) {
      io.stderr(`innomatch ${cmd.name}: invalid input, nothing was written:\n${e.message}\n`);
      return 1;
    }
    io.stderr(`innomatch ${cmd.name}: ${(e as Error).message}\n`);
    return 1;
  }
}
