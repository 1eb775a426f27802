/**
 * A real Server-Sent Events client for tests and the bench: fetch + a stream reader over HTTP,
 * parsing `id:`, `event:`, `data:`, `retry:` and comments as a browser's EventSource does.
 */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
  /** When it arrived (performance.now()). */
  at: number;
}

export interface SseStream {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: string[];
  retry: number | undefined;
  /** Set once the server ended the stream (or it failed). */
  ended: boolean;
  /** Messages (default event) parsed as JSON. */
  messages(): Array<{ id: number; kind: string; subjectType: string; subjectId: string }>;
  close(): void;
}

export interface SseOptions {
  cookie?: string;
  lastEventId?: string;
  headers?: Record<string, string>;
}

/** Connects and returns once the status and headers are in; events then collect in `events` until close(). */
export async function openSse(url: string, options: SseOptions = {}): Promise<SseStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream', ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const res = await fetch(url, { headers, signal: controller.signal });
  const stream: SseStream = {
    status: res.status,
    headers: res.headers,
    events: [],
    comments: [],
    retry: undefined,
    ended: false,
    messages: () => stream.events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data)),
    close: () => controller.abort(),
  };
  if (!res.body) {
    stream.ended = true;
    return stream;
  }
  void readInto(res.body, stream);
  return stream;
}

async function readInto(body: ReadableStream<Uint8Array>, stream: SseStream): Promise<void> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let at = buffer.indexOf('\n\n');
      while (at >= 0) {
        parseBlock(buffer.slice(0, at), stream);
        buffer = buffer.slice(at + 2);
        at = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // aborted by close(), or the connection dropped
  } finally {
    stream.ended = true;
  }
}

function parseBlock(block: string, stream: SseStream): void {
  let id: string | undefined;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
    else if (line.startsWith('id:')) id = line.slice(3).trim();
    else if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    else if (line.startsWith('retry:')) stream.retry = Number(line.slice(6).trim());
  }
  if (data.length > 0) stream.events.push({ id, event, data: data.join('\n'), at: performance.now() });
}
