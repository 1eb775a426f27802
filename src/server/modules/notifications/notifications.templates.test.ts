import { describe, expect, it } from 'vitest';
import { renderEmail } from './notifications.templates.ts';

describe('email templates', () => {
  it('shows dates the way pages do, never as ISO data', () => {
    const email = renderEmail({
      subject: 'New milestone due 2026-12-20',
      heading: 'New milestone',
      paragraphs: ['Due 2026-12-20 on "Brand refresh".', 'Review it before 2026-12-20T14:05:00.000Z, or it will be approved.'],
    });
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).toContain('Dec 20, 2026');
      expect(part).not.toContain('2026-12-20');
    }
    expect(email.text).toContain('Dec 20, 2026, 2:05 PM UTC');
  });
});
