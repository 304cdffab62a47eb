/** The demo day's traffic settings, shared by the traffic CLI, the planner's what-if runs and the benches. */

/** Trips a day by default: the demo city's 24 h run takes about five minutes on two cores and its recording stays under 10 MB. */
export const DEFAULT_TRIPS = 30_000;

/** The demand and SUMO seed the demo day's traffic is built with. */
export const DEFAULT_SEED = 1;
