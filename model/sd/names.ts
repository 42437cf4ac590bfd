/**
 * Variable names. XMILE 1.0 section 3.2.2 makes identifiers case-insensitive and treats spaces and
 * underscores as the same character; a display name may carry a line break written `\n`. Equations refer to
 * `Teacup Temperature` as `teacup_temperature`, `Teacup_Temperature` or `"Teacup Temperature"`, so every
 * name is reduced to one canonical key before it is looked up (Simlin's `canonicalize` does the same).
 */

/**
 * The canonical key of a name: Unicode-normalised (NFC) and lower-cased, with every run of whitespace,
 * underscores and `\n` escapes turned into one underscore, and none at either end.
 */
export function canonicalName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\\n/g, ' ')
    .toLowerCase()
    .replace(/[\s_]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The name shown to people and written in CSV headers: as in the model, with each `\n` escape or line break
 * turned into a space (Vensim and PySD export `Stock with \n Newline` as "Stock with   Newline").
 */
export function displayName(name: string): string {
  return name.replace(/\\n|\r\n|\r|\n/g, ' ');
}

/** The text inside a quoted name (`"a \"b\""` -> `a "b"`), XMILE 3.2.2's escapes undone. */
export function unquoteName(quoted: string): string {
  const inner = quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted;
  return inner.replace(/\\(["\\])/g, '$1');
}

/** True when a name needs quotes to be used in an equation (anything but letters, digits, `_` and `$`). */
export function needsQuotes(name: string): boolean {
  return !/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name.replace(/ /g, '_'));
}

/** A name as it would be written in an equation: spaces as underscores, quoted when needed. */
export function equationReference(name: string): string {
  const underscored = displayName(name).replace(/ +/g, '_');
  return needsQuotes(underscored) ? `"${underscored.replace(/(["\\])/g, '\\$1')}"` : underscored;
}

/** The canonical key of a name as written where a name stands alone (an `<inflow>`, LOOKUP's table): quotes allowed. */
export function referenceKey(written: string): string {
  const trimmed = written.trim();
  return canonicalName(trimmed.startsWith('"') ? unquoteName(trimmed) : trimmed);
}
