// Seed records together with where they were read: the file, its YAML document and the path inside it.
import type { Document, LineCounter } from 'yaml';
import type { SeedFile } from '../../domain/model.js';

/** A schema-valid seed file with what is needed to point at its lines. */
export interface LocatedFile {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly content: SeedFile;
}

/** The name of a collection of a seed file (`actors`, `transfers`, …). */
export type Collection = keyof SeedFile;
/** One record of collection `C` as parsed from a seed file. */
export type RecordOf<C extends Collection> = NonNullable<SeedFile[C]>[number];
/** A path of keys and indexes into a seed file's document. */
export type Path = readonly (string | number)[];

/** A value read from a seed file, with the file and the path it was read at. */
export interface Located<T> {
  readonly value: T;
  readonly file: LocatedFile;
  readonly path: Path;
}

/** Every record of every file, by collection, in file order. */
export type Records = { readonly [C in Collection]: readonly Located<RecordOf<C>>[] };

/** The collections, in the order their ids are indexed (and duplicate ids reported). */
export const COLLECTIONS: readonly Collection[] = ['sources', 'actors', 'systems', 'transfers', 'events', 'restrictions', 'aidCommitments'];

/** Gathers the records of all files by collection, each located at `[collection, index]` of its file. */
export function gatherRecords(files: readonly LocatedFile[]): Records {
  const records = { sources: [], actors: [], systems: [], transfers: [], events: [], restrictions: [], aidCommitments: [] } as {
    [C in Collection]: Located<RecordOf<C>>[];
  };
  const gather = <C extends Collection>(file: LocatedFile, collection: C): void => {
    const list = (file.content[collection] ?? []) as readonly RecordOf<C>[];
    list.forEach((value, index) => records[collection].push({ value, file, path: [collection, index] }));
  };
  for (const file of files) for (const collection of COLLECTIONS) gather(file, collection);
  return records;
}
