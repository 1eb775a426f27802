import type { TestApp } from './test-app.ts';
import type { Client, World } from './world.ts';

export type Reply = Awaited<ReturnType<Client['get']>>;

export interface Case {
  route: string;
  budget: number;
  /** A route without a session: nothing of it is a session preamble. */
  public?: boolean;
  /** Prepares what the write needs and returns the request to count. */
  prepare(t: TestApp, w: World): Promise<() => Promise<Reply>>;
}
