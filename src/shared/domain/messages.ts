/** What a message may point at: one record of the engagement, named by kind and id (`job:<id>`). */
export const messageSubjectKinds = ['contract', 'milestone', 'payment', 'invoice', 'job'] as const;
export type MessageSubjectKind = (typeof messageSubjectKinds)[number];

/** The longest message or internal note, in characters. */
export const MESSAGE_MAX_LENGTH = 10_000;

/** How long after posting its author may still edit a message. */
export const MESSAGE_EDIT_WINDOW_MS = 10 * 60 * 1000;

/** The most files one message carries. */
export const MESSAGE_MAX_ATTACHMENTS = 10;

/** Which side of the engagement wrote a message. */
export const messageSides = ['company', 'contractor'] as const;
export type MessageSide = (typeof messageSides)[number];

/** `job:abc` → { kind: 'job', id: 'abc' }; anything else → null. */
export function parseMessageSubject(value: string): { kind: MessageSubjectKind; id: string } | null {
  const at = value.indexOf(':');
  if (at < 1) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!(messageSubjectKinds as readonly string[]).includes(kind) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { kind: kind as MessageSubjectKind, id };
}
