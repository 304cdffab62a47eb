/** Terminal progress for each build stage: a bar on a terminal, one line per stage otherwise. */
import cliProgress from 'cli-progress';

/** Reports progress of one stage at a time. */
export interface Progress {
  stage(label: string, total: number): void;
  update(done: number): void;
  end(): void;
}

/** Progress on stderr; silent when `quiet`. */
export function createProgress(quiet: boolean): Progress {
  if (quiet) return { stage: () => {}, update: () => {}, end: () => {} };
  const tty = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | null = null;
  let label = '';
  let started = 0;
  let lastTotal = 0;
  return {
    stage(name, total) {
      this.end();
      label = name;
      lastTotal = total;
      started = performance.now();
      if (tty) {
        bar = new cliProgress.SingleBar(
          { format: `${name.padEnd(10)} {bar} {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
      }
    },
    update(done) {
      bar?.update(Math.min(done, Math.max(lastTotal, 1)));
    },
    end() {
      if (!label) return;
      if (bar) {
        bar.update(Math.max(lastTotal, 1));
        bar.stop();
        bar = null;
      } else {
        process.stderr.write(`${label.padEnd(10)} done in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
      }
      label = '';
    },
  };
}
