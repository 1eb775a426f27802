import { describe, expect, it } from 'vitest';
import { attachmentNameOf } from './download.fetch.ts';

describe('export downloads', () => {
  it("takes the server's file name from Content-Disposition, else the fallback", () => {
    expect(attachmentNameOf('attachment; filename="statement-2026.pdf"', 'x.pdf')).toBe('statement-2026.pdf');
    expect(attachmentNameOf(null, 'x.pdf')).toBe('x.pdf');
    expect(attachmentNameOf('attachment', 'x.csv')).toBe('x.csv');
  });
});
