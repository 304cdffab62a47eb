/** The Debian packages the test suite needs, and the decision what to do when some are missing. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One Debian package the tests use, found by a file it installs. */
export interface SystemPackage {
  /** The apt package name. */
  name: string;
  /** A file the package installs: its presence means the package is there. A `*` segment matches any name (a version folder). */
  probe: string;
  /** Which tests need it (said in the message when it is missing). */
  neededBy: string;
}

/** What the tests use today; a package only enters here when a test needs it. */
export const SYSTEM_PACKAGES: readonly SystemPackage[] = [
  { name: 'chromium', probe: '/usr/bin/chromium', neededBy: 'the browser tests (tests/e2e)' },
  { name: 'fonts-wqy-microhei', probe: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', neededBy: 'Chinese text in the browser tests' },
  { name: 'mosquitto', probe: '/usr/sbin/mosquitto', neededBy: 'the MQTT ingest tests' },
  { name: 'sumo', probe: '/usr/bin/sumo', neededBy: 'the traffic tests (sumo, netconvert, duarouter)' },
  { name: 'postgresql', probe: '/usr/lib/postgresql/*/bin/initdb', neededBy: 'the database tests on a PostgreSQL server (tests/support/postgres-server.ts)' },
];

/** Whether a probe path exists, its `*` segments matching any entry of their folder. */
export function probeExists(probe: string): boolean {
  const star = probe.split('/').indexOf('*');
  if (star < 0) return existsSync(probe);
  const parts = probe.split('/');
  const parent = parts.slice(0, star).join('/') || '/';
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return false;
  }
  return names.some((name) => probeExists(path.join(parent, name, ...parts.slice(star + 1))));
}

/** What the machine offers for installing. */
export interface MachineFacts {
  /** Whether this process runs as root (apt-get needs it). */
  isRoot: boolean;
  /** Whether apt-get is on this machine. */
  hasAptGet: boolean;
}

/** The decision: nothing to do, install these, or stop with the command the reader must run. */
export type SystemPackagesPlan = { action: 'none' } | { action: 'install'; packages: string[]; commands: string[][]; message: string } | { action: 'stop'; packages: string[]; message: string };

/** The apt-get command line that installs `packages` without asking. */
export function aptInstallCommand(packages: readonly string[]): string {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
}

/** Decides from the missing packages and the machine what to do; touches neither the disk nor apt. */
export function planSystemPackages(missing: readonly SystemPackage[], machine: MachineFacts): SystemPackagesPlan {
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((p) => p.name);
  const why = missing.map((p) => `  ${p.name}: ${p.neededBy}`).join('\n');
  if (machine.isRoot && machine.hasAptGet) {
    return {
      action: 'install',
      packages,
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', ...packages],
      ],
      message: `The tests need system packages that are missing; installing them:\n${why}`,
    };
  }
  const command = machine.hasAptGet ? `sudo sh -c '${aptInstallCommand(packages)}'` : `${aptInstallCommand(packages)}   (on Debian; this machine has no apt-get)`;
  return {
    action: 'stop',
    packages,
    message: `The tests need system packages that are missing:\n${why}\nInstall them, then run npm test again:\n  ${command}`,
  };
}

/** The packages whose probe file is absent (`exists` is injectable for tests). */
export function missingPackages(packages: readonly SystemPackage[] = SYSTEM_PACKAGES, exists: (path: string) => boolean = probeExists): SystemPackage[] {
  return packages.filter((p) => !exists(p.probe));
}
