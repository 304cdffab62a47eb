/** The import boundaries in eslint.config.js fire on each crossing they forbid, and stay quiet on the allowed ones. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = import.meta.dirname;
const rule = 'import-x/no-restricted-paths';

/** A real module in `folder` (first source file by name), so the resolver finds what the snippet imports. */
function moduleIn(folder: string): string {
  const file = readdirSync(path.join(root, folder))
    .filter((name) => /\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name))
    .sort()[0];
  if (!file) throw new Error(`no source file in ${folder}`);
  return path.join(folder, file);
}

/** The live layers (folders under src/layers/). */
const layers = readdirSync(path.join(root, 'src/layers'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let eslint: ESLint;
// The first lint loads the parser, the plugins and the resolver: do it once here, on a busy machine it takes seconds.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'src/protocol/probe.ts') });
}, 60_000);

/** The boundary messages ESLint reports for a probe file at `probe` importing `target` (a repo path or a package). */
async function boundaryMessages(probe: string, target: string, form: 'value' | 'type' = 'value'): Promise<string[]> {
  const specifier = /^(src|server|tiles|bench|tests)\//.test(target)
    ? path
        .relative(path.dirname(probe), target)
        .replace(/\.tsx?$/, '')
        .replace(/^(?!\.)/, './')
    : target;
  const code = form === 'type' ? `import type * as probe from '${specifier}';\nexport type Probe = typeof probe;\n` : `import '${specifier}';\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, probe) });
  return (result?.messages ?? []).filter((message) => message.ruleId === rule).map((message) => message.message);
}

describe('import boundaries', () => {
  const forbidden: Array<[probe: string, target: string, says: string]> = [
    ...[
      moduleIn('server'),
      moduleIn('src/ui'),
      moduleIn('src/surfaces'),
      moduleIn('src/layers/roads'),
      moduleIn('src/scene'),
      moduleIn('src/store'),
      moduleIn('src/connection'),
      'cesium',
      'preact',
      'preact/hooks',
    ].map((target): [string, string, string] => ['src/protocol/probe.ts', target, 'src/protocol/ is what server and browser share']),
    ...['src/city/probe.ts', 'src/weather/probe.ts'].flatMap((probe) =>
      ['cesium', 'preact/hooks', moduleIn('src/scene'), moduleIn('src/layers/roads'), moduleIn('src/ui'), moduleIn('src/surfaces')].map((target): [string, string, string] => [
        probe,
        target,
        'engine-free core',
      ]),
    ),
    ...[moduleIn('src/layers/buildings'), moduleIn('src/layers'), moduleIn('src/ui'), moduleIn('src/surfaces')].map((target): [string, string, string] => [
      'src/scene/probe.ts',
      target,
      'src/scene/ holds the Cesium adapters',
    ]),
    ...layers.map((layer, index): [string, string, string] => [`src/layers/${layer}/probe.ts`, moduleIn(`src/layers/${layers[(index + 1) % layers.length]}`), 'A layer does not import another layer']),
    ['server/feed/probe.ts', moduleIn('server/planner'), 'server/feed/ knows rooms and hubs only'],
    ...[moduleIn('src/store'), moduleIn('src/scene'), moduleIn('src/layers/vehicles'), moduleIn('src/ui'), moduleIn('src/surfaces'), 'cesium', 'preact'].map((target): [string, string, string] => [
      'server/hub/probe.ts',
      target,
      'The server shares only',
    ]),
    ...[moduleIn('server'), moduleIn('src/scene'), moduleIn('src/store'), 'cesium', 'preact'].map((target): [string, string, string] => [
      'tiles/builder/probe.ts',
      target,
      'The city-pack builder runs offline',
    ]),
    ['server/sources/probe.ts', 'server/traffic/cli.ts', 'A CLI module is an entry point'],
    ['src/scene/probe.ts', 'tiles/cli.ts', 'A CLI module is an entry point'],
  ];

  it.each(forbidden)('%s importing %s is refused', async (probe, target, says) => {
    const messages = await boundaryMessages(probe, target);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(says);
  });

  it('refuses a type-only import across a boundary too', async () => {
    const messages = await boundaryMessages('src/protocol/probe.ts', moduleIn('src/store'), 'type');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/protocol/ is what server and browser share');
  });

  const allowed: Array<[probe: string, target: string]> = [
    ['src/protocol/probe.ts', 'zod'],
    ['src/protocol/probe.ts', moduleIn('src/protocol')],
    ['src/city/probe.ts', moduleIn('src/protocol')],
    ['src/weather/probe.ts', moduleIn('src/city')],
    ['src/scene/probe.ts', moduleIn('src/store')],
    ['src/scene/probe.ts', 'cesium'],
    ['src/layers/roads/probe.ts', moduleIn('src/layers/roads')],
    ['src/layers/roads/probe.ts', moduleIn('src/layers')],
    ['src/layers/roads/probe.ts', moduleIn('src/scene')],
    ['src/layers/roads/probe.ts', moduleIn('src/city')],
    ['src/surfaces/wall/probe.ts', moduleIn('src/layers/roads')],
    ['server/feed/probe.ts', moduleIn('server/hub')],
    ['server/planner/probe.ts', moduleIn('server/feed')],
    ['server/hub/probe.ts', moduleIn('src/protocol')],
    ['server/hub/probe.ts', moduleIn('src/city')],
    ['tiles/builder/probe.ts', moduleIn('src/city')],
    ['server/traffic/probe.test.ts', 'server/traffic/cli.ts'],
    ['bench/probe.ts', 'server/traffic/cli.ts'],
  ];

  it.each(allowed)('%s importing %s is allowed', async (probe, target) => {
    expect(await boundaryMessages(probe, target)).toEqual([]);
  });
});

describe('where the browser fetches', () => {
  const fetchMessages = async (probe: string): Promise<string[]> => {
    const [result] = await eslint.lintText("export const probe = () => fetch('/api/config');\n", { filePath: path.join(root, probe) });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-globals').map((message) => message.message);
  };

  it.each(['src/ui/probe.ts', 'src/layers/roads/probe.ts', 'src/scene/probe.ts', 'src/surfaces/wall/probe.tsx'])('%s may not fetch', async (probe) => {
    const messages = await fetchMessages(probe);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/connection/ only');
  });

  it.each(['src/connection/probe.ts', 'src/ui/probe.test.ts', 'server/http/probe.ts', 'tests/e2e/probe.ts'])('%s may fetch', async (probe) => {
    expect(await fetchMessages(probe)).toEqual([]);
  });
});

describe('where the browser sends client events', () => {
  const emitMessages = async (probe: string, call: string): Promise<string[]> => {
    const [result] = await eslint.lintText(
      `export const probe = (socket: { timeout: (ms: number) => { emitWithAck: (e: string, p: unknown) => Promise<unknown> }; emit: (e: string, p: unknown) => void }) => ${call};\n`,
      { filePath: path.join(root, probe) },
    );
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
  };

  it.each(['src/connection/hub-connection.ts', 'src/surfaces/planner/probe.ts', 'src/ui/probe.tsx'])('%s may not emit a client event itself', async (probe) => {
    for (const call of ["socket.timeout(8_000).emitWithAck('scenario:list', {})", "socket.emit('scenario:list', {})"]) {
      const messages = await emitMessages(probe, call);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('request()');
    }
  });

  it.each(['src/connection/request.ts', 'src/connection/probe.test.ts', 'server/hub/probe.ts', 'tests/e2e/probe.ts'])('%s may', async (probe) => {
    expect(await emitMessages(probe, "socket.timeout(8_000).emitWithAck('scenario:list', {})")).toEqual([]);
  });
});
