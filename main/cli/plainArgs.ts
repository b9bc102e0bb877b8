// parseCli's answer (args.ts) for the plainest command lines, without util.parseArgs: loading and first running it
// is about 0.5 ms of `rolecall sign`'s start. Plain here: long options written `--name value`, short ones `-X value`,
// flags alone, positionals that start with no dash. Anything else (`--name=value`, `-iv`, `--`, a value starting
// with a dash, an unknown option, a value missing) is undefined here and parseCli decides, with its own errors. So
// this returns what parseCli returns or nothing (plainArgs.test.ts compares them).
import { CLI_OPTIONS, COMMANDS, type CliArgs, type Command } from './args';

type Option = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };
const OPTIONS: Record<string, Option> = CLI_OPTIONS;
const SHORT = new Map(Object.entries(OPTIONS).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));

export function plainArgs(argv: string[]): CliArgs | undefined {
  // util.parseArgs's values object has no prototype either.
  const values: Record<string, string | boolean | string[]> = Object.create(null) as Record<string, string | boolean | string[]>;
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 ? SHORT.get(arg[1]!) : undefined;
    const option = name === undefined || !Object.hasOwn(OPTIONS, name) ? undefined : OPTIONS[name];
    if (!name || !option) return undefined;
    if (option.type === 'boolean') {
      values[name] = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('-')) return undefined;
    i++;
    if (option.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  const [first, ...rest] = positionals;
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first)) return undefined;
  return { command: first as Command | undefined, positionals: rest, values: values as CliArgs['values'] };
}
