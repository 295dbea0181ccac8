// Readable id slugs from free-text names, matching the `kind:slug` part of the domain ids.

/**
 * Turns a name into a slug: accents dropped, lower case, runs of anything but letters, digits and dots
 * become one `-`, no leading or trailing `-`/`.` ("Houthi rebels (Yemen)*" → "houthi-rebels-yemen").
 * Returns '' when nothing is left.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-\.|\.-/g, '-')
    .replace(/-{2,}/g, '-');
}
