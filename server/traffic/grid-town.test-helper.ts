/** Builds the grid-town fixture pack into a temporary folder for the traffic tests. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds tiles/builder/fixtures/grid-town.osm into a new temporary tiles folder and returns it. */
export function buildGridTown(): string {
  const tilesDir = mkdtempSync(join(tmpdir(), 'sandtable-grid-town-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tiles/cli.ts', 'build', 'tiles/builder/fixtures/grid-town.osm', '--name', 'grid-town', '--out', tilesDir, '--quiet'], { stdio: 'pipe' });
  return tilesDir;
}
