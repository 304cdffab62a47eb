/** Live entities from an MQTT broker: each message on the topic is one entity or an array of them. */
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from '../logger.js';
import type { LiveSource } from '../sources/live-source.js';
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
  rejected: number;
}

/** Subscribes to the topic and feeds the live source; reconnects by itself. Returns the client and its stats. */
export function startMqttIngest(options: MqttIngestOptions, live: LiveSource, logger: Logger): { client: MqttClient; stats: MqttIngestStats; close: () => Promise<void> } {
  const stats: MqttIngestStats = { accepted: 0, rejected: 0 };
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
    stats.accepted += live.ingest(parsed.entities);
  });
  return { client, stats, close: () => client.endAsync() };
}
