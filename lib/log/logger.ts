import 'server-only';
import pino, { type Logger } from 'pino';
import { z } from 'zod';

/**
 * The console's structured log: one JSON object a line on stdout, for the company's log
 * system. Card data and secrets never reach it: callers log no bodies, and these paths are
 * removed wherever they appear, as a second line of defence.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const logLevelSchema = z.enum(LOG_LEVELS);

const SECRET_KEYS = [
  'cardNo',
  'cardCVC',
  'cvc',
  'mobileCardNo',
  'mobileCardCVC',
  'physicalCardNo',
  'accountNo',
  'residentRegistrationNo',
  'password',
  'otp',
  'secret',
  'authorization',
  'cookie',
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

let root: Logger | undefined;

/** The process-wide logger; LOG_LEVEL (default info) sets what is written. */
export function logger(): Logger {
  if (!root) {
    const level = logLevelSchema.safeParse(process.env.LOG_LEVEL ?? 'info');
    root = pino({
      level: level.success ? level.data : 'info',
      base: { service: 'konaplate-console' },
      redact: { paths: REDACTED_PATHS, remove: true },
      timestamp: pino.stdTimeFunctions.isoTime,
    });
    if (!level.success) root.warn({ LOG_LEVEL: process.env.LOG_LEVEL }, `LOG_LEVEL is not one of ${LOG_LEVELS.join(', ')}: using info`);
  }
  return root;
}

/** An error as a log field: its name, message and cause chain, never the objects it carries. */
export function errorFields(error: unknown): { name: string; message: string; cause?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error) };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return { name: error.name, message: error.message, ...(cause ? { cause } : {}) };
}
