import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('config', () => {
  it('has working defaults', () => {
    const config = readConfig({}, { loadDotEnv: false });
    expect(config).toMatchObject({ PORT: 3000, HOST: 'localhost', publicUrl: 'http://localhost:3000', PORTICO_DEMO: true, secure: false });
    expect(config.UPLOAD_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(config.NOTIFICATION_EMAIL_DELAY_SECONDS).toBe(180);
  });

  it('takes a notification email delay from 0 (at once) to an hour', () => {
    expect(readConfig({ NOTIFICATION_EMAIL_DELAY_SECONDS: '0' }, { loadDotEnv: false }).NOTIFICATION_EMAIL_DELAY_SECONDS).toBe(0);
    expect(() => readConfig({ NOTIFICATION_EMAIL_DELAY_SECONDS: '3601' }, { loadDotEnv: false })).toThrow(
      /^Setting NOTIFICATION_EMAIL_DELAY_SECONDS: /,
    );
  });

  it('stops with one line per bad setting, naming it and what is wrong', () => {
    try {
      readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PORTICO_DEMO: 'maybe' }, { loadDotEnv: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^Setting PORT: /);
      expect(lines.find((l) => l.startsWith('Setting DATABASE_URL'))).toMatch(/postgres:\/\//);
      expect(lines.find((l) => l.startsWith('Setting PORTICO_DEMO'))).toBeTruthy();
    }
  });

  it('turns on secure cookies when the public URL is https', () => {
    expect(readConfig({ PUBLIC_URL: 'https://portal.example.com/' }, { loadDotEnv: false })).toMatchObject({
      secure: true,
      publicUrl: 'https://portal.example.com',
    });
  });
});
