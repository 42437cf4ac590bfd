/**
 * What makes a run reproducible, computed without the backend. The hash is SHA-256 through Web Crypto (available
 * in the app's secure contexts: the app:// scheme is registered secure, and the web host serves 127.0.0.1). The
 * seed is the engine's default when the model uses random functions (the worker runs with no seed of its own, so
 * the runner's DEFAULT_SEED applies) and null otherwise, as the CLI's `simulate` writes it.
 */
import { compileModel, DEFAULT_SEED, type ModelDocument } from '../../../../model/sd';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The seed a run of this document depends on, or null when it uses no random function. */
export function seedOf(document: ModelDocument): number | null {
  const compiled = compileModel(document);
  return compiled.ok && compiled.value.usesRandom ? DEFAULT_SEED : null;
}
