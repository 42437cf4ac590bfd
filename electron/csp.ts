/**
 * The renderer's Content Security Policy, in one place: the Vite build writes it into index.html as a meta
 * tag, the web host sends it as a header, and Electron's app:// protocol sends it with every page.
 * No 'unsafe-eval' (nothing is generated as JavaScript), no remote origins. 'wasm-unsafe-eval' lets a page or
 * worker compile WebAssembly and nothing else (CSP Level 3; Chromium 97+): the SD engine compiles a model's
 * step to it (model/sd/compile/wasm.ts).
 * Electron security checklist, item 7: https://www.electronjs.org/docs/latest/tutorial/security
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The subset that may travel in a <meta> tag (frame-ancestors is ignored there and logs a warning). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
