// The command lines of import, export, review, new and bench, read by Node's own util.parseArgs: --help prints the
// usage, an unknown option or one without its value stops with the usage (exit 2), and `fail` is how each command
// stops.
import { parseArgs } from 'node:util';
import { didYouMean } from '../util/suggest.ts';

export function fail(message: string, status: 1 | 2 = 1): never {
  console.error(message);
  process.exit(status);
}

/** The options (all `--name value`) and the positional arguments of this command line. */
export function readArguments<Name extends string>(
  usage: string,
  names: readonly Name[],
): { values: Partial<Record<Name, string>>; positionals: string[] } {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Partial<Record<Name, string>>, positionals };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const flags = names.map((name) => `--${name}`);
    fail(
      `${unknown ? `Unknown option "${unknown}"${didYouMean(unknown, flags)}` : message.split('. ')[0]}.\n\n${usage}`,
      2,
    );
  }
}
