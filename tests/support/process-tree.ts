/** Kills a process and everything it started, as a crash or an OOM killer would: no signal handler runs. */
import { execFileSync } from 'node:child_process';

/** The process ids below `pid` (children, grandchildren, …), from `ps`. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const visit = (id: number): void => {
    for (const child of children.get(id) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** SIGKILLs `pid` and its descendants (a server's SUMO tools, say), deepest first. */
export function killProcessTree(pid: number): void {
  for (const id of [...descendants(pid).reverse(), pid]) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
