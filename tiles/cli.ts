/**
 * The city-pack command line:
 *   npm run city -- build <extract.osm> --name <id> [--out <folder>] [--title-zh <name>] [--title-en <name>]
 *                         [--source-datum <datum>] [--time-zone <IANA zone>] [--max-per-tile <n>] [--quiet]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BuildError } from './builder/build-error.js';
import { buildCity } from './builder/build-city.js';
import { createProgress } from './builder/progress.js';

const USAGE =
  'usage: npm run city -- build <extract.osm> --name <id> [--out <folder>] [--title-zh <name>] [--title-en <name>] [--source-datum <datum>] [--time-zone <IANA zone>] [--max-per-tile <n>] [--quiet]';
const packsFolder = dirname(fileURLToPath(import.meta.url));

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        out: { type: 'string' },
        'title-zh': { type: 'string' },
        'title-en': { type: 'string' },
        'source-datum': { type: 'string' },
        'time-zone': { type: 'string' },
        'max-per-tile': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message.split('\n')[0]}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, source, ...extra] = positionals;
  if (command !== 'build' || !source || extra.length > 0 || !values.name) {
    const problem = command !== 'build' ? `unknown command '${command ?? ''}'` : !source ? 'missing <extract.osm>' : extra.length > 0 ? `unexpected argument '${extra[0]}'` : 'missing --name <id>';
    process.stderr.write(`error: ${problem}\n${USAGE}\n`);
    return 2;
  }
  const maxPerTile = values['max-per-tile'] === undefined ? undefined : Number(values['max-per-tile']);
  if (maxPerTile !== undefined && !(Number.isInteger(maxPerTile) && maxPerTile > 0)) {
    process.stderr.write(`error: --max-per-tile must be a positive whole number, not '${values['max-per-tile']}'\n`);
    return 2;
  }
  try {
    const summary = await buildCity({
      source: resolve(source),
      id: values.name,
      outRoot: resolve(values.out ?? packsFolder),
      name: { ...(values['title-zh'] ? { zh: values['title-zh'] } : {}), ...(values['title-en'] ? { en: values['title-en'] } : {}) },
      ...(values['source-datum'] ? { sourceDatum: values['source-datum'] } : {}),
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      ...(maxPerTile ? { maxBuildingsPerTile: maxPerTile } : {}),
      progress: createProgress(values.quiet),
    });
    const c = summary.manifest.counts;
    process.stdout.write(
      `built ${summary.manifest.id}: ${c.buildings} buildings, ${c.roads} roads (${c.roadKm} km), ${c.places} places, ` +
        `${c.tiles} tiles, ${(summary.bytes / 1e6).toFixed(2)} MB in ${summary.seconds.toFixed(2)} s` +
        (summary.warnings.missingNodes + summary.warnings.unclosedRings > 0 ? ` (skipped ${summary.warnings.missingNodes} missing node refs, ${summary.warnings.unclosedRings} unclosed rings)` : '') +
        '\n',
    );
    return 0;
  } catch (error) {
    const message = error instanceof BuildError ? error.message : `unexpected failure: ${(error as Error).stack ?? String(error)}`;
    process.stderr.write(`\nerror: ${message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
