/** GET /api/config and /healthz: what every surface asks first, and what a supervisor polls. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RouteHandlerMethod } from 'fastify';
import type { PublicConfig } from '../../src/protocol/events';
import { FILE_ID_PATTERN } from '../../src/protocol/ids';

/** Lists the city packs (folders under tiles/ holding a manifest.json). */
export async function listCities(tilesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tilesDir);
  } catch {
    return [];
  }
  const cities: string[] = [];
  for (const name of names.sort()) {
    if (!FILE_ID_PATTERN.test(name)) continue;
    try {
      if ((await stat(path.join(tilesDir, name, 'manifest.json'))).isFile()) cities.push(name);
    } catch {
      // not a pack
    }
  }
  return cities;
}

/** Answers /api/config: the default city, the packs on disk and the server's version. */
export function publicConfigHandler(options: { tilesDir: string; defaultCity: string; serverVersion: string }): RouteHandlerMethod {
  return async (_request, reply) => {
    const config: PublicConfig = { defaultCity: options.defaultCity, cities: await listCities(options.tilesDir), serverVersion: options.serverVersion };
    return reply.header('cache-control', 'no-cache').send(config);
  };
}

/** Answers /healthz: up, for how long, and the extra facts given (clients, feed state). */
export function healthHandler(facts: () => Record<string, unknown>): RouteHandlerMethod {
  return async (_request, reply) => reply.header('cache-control', 'no-cache').send({ ok: true, uptimeS: Math.round(process.uptime()), ...facts() });
}
