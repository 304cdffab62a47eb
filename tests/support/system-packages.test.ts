import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_PACKAGES, aptInstallCommand, missingPackages, planSystemPackages, probeExists } from './system-packages';

const chromium = SYSTEM_PACKAGES.find((p) => p.name === 'chromium')!;
const mosquitto = SYSTEM_PACKAGES.find((p) => p.name === 'mosquitto')!;

describe('the system packages npm test checks first', () => {
  it('finds as missing exactly the packages whose probe file is absent', () => {
    const present = new Set([chromium.probe]);
    const missing = missingPackages(SYSTEM_PACKAGES, (path) => present.has(path)).map((p) => p.name);
    expect(missing).toEqual(SYSTEM_PACKAGES.filter((p) => p !== chromium).map((p) => p.name));
  });

  it('finds a probe through a version folder (`*`), and not without the file', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sandtable-probe-'));
    mkdirSync(path.join(root, 'lib', '15', 'bin'), { recursive: true });
    mkdirSync(path.join(root, 'lib', '16'), { recursive: true });
    expect(probeExists(path.join(root, 'lib', '*', 'bin', 'initdb'))).toBe(false);
    writeFileSync(path.join(root, 'lib', '15', 'bin', 'initdb'), '');
    expect(probeExists(path.join(root, 'lib', '*', 'bin', 'initdb'))).toBe(true);
    expect(probeExists(path.join(root, 'nothing', '*', 'bin', 'initdb'))).toBe(false);
  });

  it('does nothing when every package is present, whatever the machine', () => {
    expect(planSystemPackages([], { isRoot: false, hasAptGet: false })).toEqual({ action: 'none' });
    expect(planSystemPackages([], { isRoot: true, hasAptGet: true })).toEqual({ action: 'none' });
  });

  it('installs the missing ones non-interactively as root with apt-get', () => {
    const plan = planSystemPackages([chromium, mosquitto], { isRoot: true, hasAptGet: true });
    expect(plan.action).toBe('install');
    if (plan.action !== 'install') return;
    expect(plan.packages).toEqual(['chromium', 'mosquitto']);
    expect(plan.commands).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'chromium', 'mosquitto'],
    ]);
    expect(plan.message).toContain('the MQTT ingest tests');
  });

  it('stops with the exact sudo command when not root', () => {
    const plan = planSystemPackages([mosquitto], { isRoot: false, hasAptGet: true });
    expect(plan).toMatchObject({ action: 'stop', packages: ['mosquitto'] });
    if (plan.action !== 'stop') return;
    expect(plan.message).toContain(`sudo sh -c '${aptInstallCommand(['mosquitto'])}'`);
    expect(plan.message).toContain('mosquitto: the MQTT ingest tests');
  });

  it('stops with the Debian command when there is no apt-get, even as root', () => {
    const plan = planSystemPackages([chromium], { isRoot: true, hasAptGet: false });
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toContain('DEBIAN_FRONTEND=noninteractive apt-get install -y chromium');
    expect(plan.message).toContain('no apt-get');
  });
});
