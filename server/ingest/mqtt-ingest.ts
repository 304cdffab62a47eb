/** Live entities from an MQTT broker: each message on the topic is one entity or an array of them. */
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from '../logger.js';
import type { Entity } from '../../src/protocol/entities.js';
import type { LiveWrite } from '../store/live-state.js';
import { parseIngest } from './parse-ingest.js';

/** Where to listen. */
export interface MqttIngestOptions {
  url: string;
  topic: string;
  username?: string;
  password?: string;
}

/** Counts of what came in. */
export interface MqttIngestStats {
  accepted: number;
  /** Messages that were not valid entities, or would have grown the live world beyond its cap. */
  rejected: number;
  /** Valid messages the store could not write (logged): not applied either. */
  storeFailed: number;
}

/**
 * Subscribes to the topic and hands each valid message to `accept` (stored, then shown live);
 * reconnects by itself. Returns the client and its stats.
 */
export function startMqttIngest(
  options: MqttIngestOptions,
  accept: (entities: Entity[]) => Promise<LiveWrite>,
  logger: Logger,
): { client: MqttClient; stats: MqttIngestStats; close: () => Promise<void> } {
  const stats: MqttIngestStats = { accepted: 0, rejected: 0, storeFailed: 0 };
  const client = mqtt.connect(options.url, {
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
    ...(options.username ? { username: options.username } : {}),
    ...(options.password ? { password: options.password } : {}),
  });
  client.on('connect', () => {
    client.subscribe(options.topic, { qos: 1 }, (error) => {
      if (error) logger.error({ err: error, topic: options.topic }, 'mqtt subscribe failed');
      else logger.info({ url: options.url, topic: options.topic }, 'mqtt ingest listening');
    });
  });
  client.on('error', (error) => logger.warn({ err: error }, 'mqtt error'));
  client.on('message', (topic, payload) => {
    const parsed = parseIngest(payload.toString('utf8'));
    if (!parsed.ok) {
      stats.rejected++;
      logger.warn({ topic, errors: parsed.errors }, 'mqtt message rejected');
      return;
    }
    // Persisted before it is applied; a message the store cannot take is logged, counted and not applied.
    accept(parsed.entities).then(
      (written) => {
        if (written.ok) stats.accepted += written.accepted;
        else {
          stats.rejected++;
          logger.warn({ topic, reason: written.reason }, 'mqtt message refused');
        }
      },
      (error: unknown) => {
        stats.storeFailed++;
        logger.error({ err: error, topic, entities: parsed.entities.length }, 'mqtt message not stored, so not applied');
      },
    );
  });
  return { client, stats, close: () => client.endAsync() };
}
