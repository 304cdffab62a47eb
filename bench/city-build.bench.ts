/**
 * City-pack build benchmark on the demo city: buildings per second and bytes per building.
 * Baseline, measured in the same run: reading the extract alone (the floor no build can beat),
 * so the ratio says how much the building, tiling and writing add on this machine.
 *   npm run bench:city [-- --runs N]
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCity } from '../tiles/builder/build-city.js';
import { readOsm } from '../tiles/builder/osm-reader.js';
import { createProgress } from '../tiles/builder/progress.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not '${values.runs}'`);
const source = join(import.meta.dirname, '..', 'tiles', 'sources', 'shanghai-bund.osm');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const readTimes: number[] = [];
const buildTimes: number[] = [];
let buildings = 0;
let packBytes = 0;
let tileBytes = 0;
for (let run = 0; run < runs; run++) {
  let t = performance.now();
  await readOsm(source);
  readTimes.push(performance.now() - t);

  const out = await mkdtemp(join(tmpdir(), 'bench-city-'));
  t = performance.now();
  const summary = await buildCity({ source, id: 'shanghai-bund', outRoot: out, progress: createProgress(true) });
  buildTimes.push(performance.now() - t);
  buildings = summary.manifest.counts.buildings;
  packBytes = summary.bytes;
  tileBytes = 0;
  for (const file of await readdir(join(out, 'shanghai-bund', 'buildings'))) tileBytes += (await stat(join(out, 'shanghai-bund', 'buildings', file))).size;
  await rm(out, { recursive: true, force: true });
}

const build = median(buildTimes);
const read = median(readTimes);
console.log(`city-pack build, demo city (${buildings} buildings), median of ${runs} runs`);
console.log(`  read extract only (baseline)  ${read.toFixed(0)} ms`);
console.log(`  full build                    ${build.toFixed(0)} ms   (${(build / read).toFixed(2)} × the baseline)`);
console.log(`  buildings per second          ${Math.round(buildings / (build / 1000))}`);
console.log(`  tile bytes per building       ${Math.round(tileBytes / buildings)} B (glb only)`);
console.log(`  pack bytes per building       ${Math.round(packBytes / buildings)} B (whole pack: tiles, roads, graph, ground, places)`);
