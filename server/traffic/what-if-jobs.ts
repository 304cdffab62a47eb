/**
 * What-ifs as background jobs for the server: start one, watch its progress, cancel it, read its
 * result. SUMO does the work in child processes; one job runs at a time, because two would share
 * the server's two cores with the live feed.
 */
import type { Scenario } from '../../src/protocol/scenario.js';
import type { TrafficCity } from './traffic-city.js';
import { runWhatIf, type WhatIfOptions, type WhatIfProgress, type WhatIfResult } from './what-if.js';
import { publicMessage } from '../public-message.js';

/** A job's state, as the planner page shows it. */
export type WhatIfJobState =
  | { id: string; scenarioId: string; status: 'running'; progress: WhatIfProgress }
  | { id: string; scenarioId: string; status: 'done'; result: WhatIfResult }
  | { id: string; scenarioId: string; status: 'failed' | 'cancelled'; error: string };

/** The function that runs one what-if (runWhatIf, or a stand-in in tests). */
export type WhatIfRunner = typeof runWhatIf;

/** Runs what-ifs one at a time in the background. */
export class WhatIfJobs {
  private readonly states = new Map<string, WhatIfJobState>();
  private readonly controllers = new Map<string, AbortController>();
  private serial = 0;

  constructor(
    private readonly city: TrafficCity,
    private readonly options: Omit<WhatIfOptions, 'signal'>,
    /** Hears every change of every job (progress, end). */
    private readonly onUpdate: (state: WhatIfJobState) => void = () => {},
    private readonly run: WhatIfRunner = runWhatIf,
  ) {}

  /** Starts a job; refuses while another runs. */
  start(scenario: Scenario): { ok: true; id: string } | { ok: false; error: string } {
    if (this.controllers.size > 0) return { ok: false, error: 'a what-if is already running; cancel it or wait for it to finish' };
    const id = `whatif-${++this.serial}`;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const update = (state: WhatIfJobState): void => {
      this.states.set(id, state);
      this.onUpdate(state);
    };
    update({ id, scenarioId: scenario.id, status: 'running', progress: { stage: 'network', fraction: 0, message: 'starting' } });
    this.run(scenario, this.city, { ...this.options, signal: controller.signal }, (progress) => {
      if (!controller.signal.aborted) update({ id, scenarioId: scenario.id, status: 'running', progress });
    })
      // A run that slipped past its cancel between two checks is still reported cancelled.
      .then((result) => update(controller.signal.aborted ? { id, scenarioId: scenario.id, status: 'cancelled', error: 'cancelled' } : { id, scenarioId: scenario.id, status: 'done', result }))
      .catch((error: Error) =>
        update({ id, scenarioId: scenario.id, status: controller.signal.aborted ? 'cancelled' : 'failed', error: controller.signal.aborted ? 'cancelled' : publicMessage(error) }),
      )
      .finally(() => this.controllers.delete(id));
    return { ok: true, id };
  }

  /** Cancels a running job (its SUMO processes are killed). */
  cancel(id: string): boolean {
    const controller = this.controllers.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  /** A job's latest state. */
  get(id: string): WhatIfJobState | undefined {
    return this.states.get(id);
  }
}
