import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './inbound-mail.strip.ts';

describe('stripping the quoted history from a reply', () => {
  it('keeps what is above "On … wrote:" (one line or two)', () => {
    expect(
      stripQuotedReply('Yes, Friday works.\n\nOn Tue, 1 Dec 2026 at 09:12, Portico <r-abc@reply.test> wrote:\n> Can we meet?\n> Thanks'),
    ).toBe('Yes, Friday works.');
    expect(stripQuotedReply('Sounds good\r\n\r\nOn Tue, 1 Dec 2026 at 09:12, Portico\r\n<r-abc@reply.test> wrote:\r\n\r\n> earlier')).toBe(
      'Sounds good',
    );
    expect(stripQuotedReply('Merci !\n\nLe mar. 1 déc. 2026 à 09:12, Portico a écrit :\n> Bonjour')).toBe('Merci !');
  });

  it('drops quoted lines, Outlook blocks, separators and signatures', () => {
    expect(stripQuotedReply('First line\n> quoted in between\nSecond line')).toBe('First line\nSecond line');
    expect(stripQuotedReply('Approved.\n\n-----Original Message-----\nFrom: Portico\nSent: Tuesday')).toBe('Approved.');
    expect(stripQuotedReply('Approved.\n\nFrom: Portico <r-x@reply.test>\nSent: Tuesday, December 1, 2026\nTo: Me')).toBe('Approved.');
    expect(stripQuotedReply('Thanks\n________________________________\nFrom: Portico')).toBe('Thanks');
    expect(stripQuotedReply('See you\n-- \nSam Contractor\n+44 1234')).toBe('See you');
  });

  it('keeps a reply without history whole, line breaks included, and ends up empty for a bare quote', () => {
    expect(stripQuotedReply('Line one\nLine two\n\nOn second thought, fine.')).toBe('Line one\nLine two\n\nOn second thought, fine.');
    expect(stripQuotedReply('> only the quote\n> nothing new')).toBe('');
  });
});
