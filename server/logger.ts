/** The server's structured logger. */
import { pino, type Logger } from 'pino';

/** Creates the pino logger at a level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'sandtable' } });
}
export type { Logger };
