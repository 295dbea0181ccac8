// Groups the many small strings a writer produces into bounded chunks, so large graphs stream.

/** Target chunk size in UTF-16 code units (a chunk ends at the first part boundary past it). */
export const CHUNK_TARGET = 64 * 1024;

function* grouped(parts: Iterable<string>, target: number): Generator<string> {
  let buffer: string[] = [];
  let size = 0;
  for (const part of parts) {
    buffer.push(part);
    size += part.length;
    if (size >= target) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (size > 0) yield buffer.join('');
}

/**
 * A re-iterable stream of chunks: each iteration calls `parts()` afresh and groups its output into chunks of about
 * `target` code units. Nothing is produced until it is iterated.
 */
export function chunked(parts: () => Iterable<string>, target = CHUNK_TARGET): Iterable<string> {
  return { [Symbol.iterator]: () => grouped(parts(), target) };
}
