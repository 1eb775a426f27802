import { describe, expect, it } from 'vitest';
import { emailSchema } from '../../../../shared/schemas/common.schema.ts';
import { describeIssue } from '../../../lib/form.resolver.ts';
import { checkCode, checkEmail, checkPassword } from './sign-in.fields.ts';

describe('sign-in checks match the shared schema', () => {
  const emails = [
    'olivia.owner@northwind.example',
    '  Olivia.Owner@Northwind.Example  ',
    "o'brien+tag@mail.example.co.uk",
    '',
    '   ',
    'no-at-sign',
    'a@b',
    'a@b.c',
    '.lead@example.com',
    'two..dots@example.com',
    'trail.@example.com',
    'x@-bad.example',
    `${'a'.repeat(250)}@example.com`,
    'ünï@example.com',
  ];

  it.each(emails)('email %j', (input) => {
    const expected = emailSchema.safeParse(input);
    const actual = checkEmail(input);
    expect(actual.ok).toBe(expected.success);
    if (expected.success && actual.ok) expect(actual.value).toBe(expected.data);
    if (!expected.success && !actual.ok) expect(actual.message).toBe(describeIssue(expected.error.issues[0]!));
  });

  it('asks for a password, and at most 128 characters of it', () => {
    expect(checkPassword('')).toEqual({ ok: false, message: 'Enter your password.' });
    expect(checkPassword('x'.repeat(129))).toEqual({ ok: false, message: 'Use at most 128 characters.' });
    expect(checkPassword(' secret ')).toEqual({ ok: true, value: ' secret ' });
  });

  it('asks for a code of the second step, trimmed, at most 64 characters', () => {
    expect(checkCode('   ')).toEqual({ ok: false, message: 'Enter the code.' });
    expect(checkCode('1'.repeat(65))).toEqual({ ok: false, message: 'Use at most 64 characters.' });
    expect(checkCode(' 123456 ')).toEqual({ ok: true, value: '123456' });
  });
});
