/**
 * First step of `npm test`: checks the system packages the tests need before anything long runs;
 * installs the missing ones when it can (root with apt-get), otherwise stops at once with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { missingPackages, planSystemPackages } from './system-packages';

const plan = planSystemPackages(missingPackages(), {
  isRoot: process.getuid?.() === 0,
  hasAptGet: existsSync('/usr/bin/apt-get'),
});

if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(plan.message);
  for (const [program, ...args] of plan.commands) {
    const result = spawnSync(program!, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(`${program} ${args.join(' ')} failed (exit ${result.status ?? result.signal}); install by hand and run npm test again.`);
      process.exit(1);
    }
  }
  // An install that exits 0 yet leaves a probe file absent would otherwise fail minutes later in a browser test.
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`Still missing after apt-get install: ${still.map((p) => `${p.name} (${p.probe})`).join(', ')}`);
    process.exit(1);
  }
}
