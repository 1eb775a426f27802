import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * end-of-stream's error when a response's stream closed before it ended: the client went away
 * (a page left, a download cancelled) while a compressed answer was on its way, which
 * @fastify/compress logs as an error. Not the server's fault: logged at info, as Fastify logs the
 * same for a stream it sends itself.
 */
function isClientGone(value: unknown): boolean {
  return value instanceof Error && value.message === 'premature close';
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'], remove: true },
      hooks: {
        logMethod(args, method, levelValue) {
          if (levelValue >= 50 && isClientGone(args[0])) {
            this.info({ err: args[0] }, 'the client closed the connection before the response ended');
            return;
          }
          method.apply(this, args);
        },
      },
    },
    destination,
  );
}
