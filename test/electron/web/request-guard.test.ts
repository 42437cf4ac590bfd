import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../electron/web/request-guard';

describe('web host request guard', () => {
  const port = 5178;

  it('accepts loopback hosts on our port', () => {
    for (const host of ['127.0.0.1:5178', 'localhost:5178', '[::1]:5178', 'LOCALHOST:5178']) {
      expect(checkRequest({ host }, port)).toEqual({ allowed: true });
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', () => {
    const verdict = checkRequest({ host: 'evil.example:5178' }, port);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toContain('evil.example');
    expect(checkRequest({ host: '127.0.0.1:9999' }, port).allowed).toBe(false);
    expect(checkRequest({}, port).allowed).toBe(false);
  });

  it('refuses a foreign or opaque Origin', () => {
    expect(checkRequest({ host: '127.0.0.1:5178', origin: 'http://127.0.0.1:5178' }, port).allowed).toBe(
      true,
    );
    expect(checkRequest({ host: '127.0.0.1:5178', origin: 'https://evil.example' }, port).allowed).toBe(
      false,
    );
    expect(checkRequest({ host: '127.0.0.1:5178', origin: 'https://127.0.0.1:5178' }, port).allowed).toBe(
      false,
    );
    expect(checkRequest({ host: '127.0.0.1:5178', origin: 'null' }, port).allowed).toBe(false);
    expect(checkRequest({ host: '127.0.0.1:5178', origin: 'not a url' }, port).allowed).toBe(false);
  });

  it('refuses requests a browser marks as cross-site', () => {
    expect(checkRequest({ host: '127.0.0.1:5178', 'sec-fetch-site': 'cross-site' }, port).allowed).toBe(
      false,
    );
    expect(checkRequest({ host: '127.0.0.1:5178', 'sec-fetch-site': 'same-site' }, port).allowed).toBe(false);
    expect(checkRequest({ host: '127.0.0.1:5178', 'sec-fetch-site': 'same-origin' }, port).allowed).toBe(
      true,
    );
  });
});
