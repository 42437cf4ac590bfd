/**
 * Who may talk to the web host. It listens on loopback only, and still refuses requests whose Host or Origin
 * is not this host: a page on another site could otherwise reach 127.0.0.1 through DNS rebinding (a hostile
 * name that resolves to 127.0.0.1) or a cross-site form post.
 * OWASP, "DNS rebinding": https://owasp.org/www-community/attacks/DNS_Rebinding
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host header values that name this server: a loopback name with the port we listen on. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

export type GuardVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export interface RequestHeaders {
  readonly host?: string | undefined;
  readonly origin?: string | undefined;
  readonly 'sec-fetch-site'?: string | undefined;
}

export function checkRequest(headers: RequestHeaders, port: number): GuardVerdict {
  const hosts = allowedHosts(port);
  const host = headers.host?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    return {
      allowed: false,
      reason: `Host "${headers.host ?? ''}" is not this workbench (expected 127.0.0.1:${port})`,
    };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let originHost: string;
    try {
      const url = new URL(origin);
      originHost = url.protocol === 'http:' ? url.host.toLowerCase() : '';
    } catch {
      originHost = '';
    }
    if (!hosts.has(originHost)) return { allowed: false, reason: `Origin "${origin}" is not this workbench` };
  } else if (origin === 'null') {
    return { allowed: false, reason: 'Requests from an opaque origin are refused' };
  }
  // Browsers label cross-site requests; only our own pages (or a typed URL / a script with no such header) pass.
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { allowed: false, reason: `A ${site} request is refused` };
  }
  return { allowed: true };
}
