/** Spawns a SUMO program (sumo, netconvert, duarouter) headless, with SUMO_HOME set, a timeout and a readable error. */
import { spawn } from 'node:child_process';

/** Where Debian's sumo-tools keep SUMO's data; every SUMO program fails without it. */
export const DEFAULT_SUMO_HOME = '/usr/share/sumo';

/** How to run one SUMO program. */
export interface SumoProcessOptions {
  /** Kill the program after this many ms (default 10 minutes). */
  timeoutMs?: number;
  /** Aborting kills the program and rejects. */
  signal?: AbortSignal;
  /** Every line the program writes to stdout or stderr, as it comes. */
  onLine?: (line: string) => void;
  cwd?: string;
}

/** What a finished SUMO program wrote. */
export interface SumoProcessResult {
  stdout: string;
  stderr: string;
  seconds: number;
}

const TAIL_LINES = 12;

/** The last lines of a program's output, for an error message. */
export function tail(text: string, lines = TAIL_LINES): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs `program args…` to completion; rejects with the stderr tail on a non-zero exit, a timeout or an abort. */
export function runSumoProgram(program: string, args: string[], options: SumoProcessOptions = {}): Promise<SumoProcessResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 600_000;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new Error(`${program} cancelled`));
      return;
    }
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: { ...process.env, SUMO_HOME: process.env.SUMO_HOME ?? DEFAULT_SUMO_HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopReason: string | null = null;
    // SUMO prints progress with carriage returns; split on both so a caller sees each step.
    const lineSplitter = (sink: (chunk: string) => void): ((chunk: Buffer) => void) => {
      let partial = '';
      return (chunk) => {
        const text = chunk.toString('utf8');
        sink(text);
        if (!options.onLine) return;
        const parts = (partial + text).split(/\r\n|\r|\n/);
        partial = parts.pop() ?? '';
        for (const line of parts) if (line.length > 0) options.onLine(line);
      };
    };
    // Keep only the last 64 kB of each stream: a 24 h run can print a lot of warnings.
    child.stdout.on(
      'data',
      lineSplitter((text) => (stdout = (stdout + text).slice(-65_536))),
    );
    child.stderr.on(
      'data',
      lineSplitter((text) => (stderr = (stderr + text).slice(-65_536))),
    );
    const stop = (reason: string): void => {
      stopReason = reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`timed out after ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    const onAbort = (): void => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new Error(`cannot start ${program}: ${error.message} (is SUMO installed?)`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const seconds = (performance.now() - started) / 1000;
      if (stopReason) reject(new Error(`${program} ${stopReason}`));
      else if (code !== 0) reject(new Error(`${program} exited with code ${code}:\n${tail(stderr || stdout)}`));
      else resolve({ stdout, stderr, seconds });
    });
  });
}
