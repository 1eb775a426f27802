import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Portico <portico@localhost>'),
  /** Replies by email: the port of the inbound SMTP listener (off when unset). */
  SMTP_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The domain of reply addresses (its MX points at the listener); defaults to PUBLIC_URL's host name. */
  SMTP_INBOUND_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name such as reply.example.com')
    .max(253)
    .optional(),
  PUBLIC_URL: z.string().url('must be a URL such as http://localhost:3000').optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PORTICO_DEMO: booleanFlag.default(true),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 ** 3)
    .default(50 * 1024 * 1024),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag.default(false),
  READY_MIN_FREE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(1024 * 1024)
    .default(100),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How long after a person's first notification their email waits, to take the rest of the burst with it. */
  NOTIFICATION_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(180),
});

export type RawConfig = z.infer<typeof configSchema>;
export interface Config extends RawConfig {
  publicUrl: string;
  dataDir: string;
  secure: boolean;
}

export class ConfigError extends Error {}

/** Reads settings from the environment (and ./.env when present). One line per bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, options: { loadDotEnv?: boolean } = {}): Config {
  if (options.loadDotEnv !== false && existsSync('.env')) process.loadEnvFile('.env');
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `Setting ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const raw = parsed.data;
  const publicUrl = (raw.PUBLIC_URL ?? `http://${raw.HOST}:${raw.PORT}`).replace(/\/$/, '');
  return { ...raw, publicUrl, dataDir: path.resolve(raw.DATA_DIR), secure: publicUrl.startsWith('https://') };
}

/** The dev mailbox (emails kept in the database, shown at /dev/mailbox): only without real email, never in production. */
export function hasDevMailbox(config: Config): boolean {
  return !config.SMTP_URL && config.NODE_ENV !== 'production';
}

/** The secret that signs sessions and reply addresses (a fixed development value without AUTH_SECRET). */
export function serverSecret(config: Config): string {
  return config.AUTH_SECRET ?? 'portico-development-secret-change-me-please-0123456789';
}

/** The domain of reply addresses, when replies by email are on (SMTP_INBOUND_PORT set). */
export function replyDomainOf(config: Config): string | null {
  if (config.SMTP_INBOUND_PORT === undefined) return null;
  return config.SMTP_INBOUND_DOMAIN ?? new URL(config.publicUrl).hostname;
}
