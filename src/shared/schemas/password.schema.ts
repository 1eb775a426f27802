import { z } from 'zod';
import { findPasswordProblem, PASSWORD_MAX, PASSWORD_MIN } from '../domain/password.rules.ts';

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .superRefine((value, ctx) => {
    const problem = findPasswordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
