// Argument preparation: EDTF windows and days, page arguments, name texts, named look-ups and transfer filters.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnavailableError } from '../../src/domain/errors.js';
import {
  actorArg, allInOrder, checkTransferFilter, day, dayWindow, encodeCursor, nameFilterText, pageArgs, resolveTransferFilter, systemArg,
  transferFilter,
} from '../../src/query/index.js';
import { optional } from '../../src/query/prepare.js';
import { counting, invalidArgument, namePort, notFound } from '../helpers/ports.js';

const names = () =>
  namePort(
    { Japan: 'JP', 'United States': 'US', Ukraine: 'UA', Ukrainian: 'UA' },
    { Patriot: 'system:patriot', 'Patriot missile': 'system:patriot-missile' },
  );

describe('dayWindow', () => {
  it('rejects a bad from or to, naming that end of the argument', () => {
    expect(() => dayWindow({ from: '2022-13' }, 'filter.between')).toThrow(invalidArgument('filter.between.from'));
    expect(() => dayWindow({ from: '2022', to: 'soon' }, 'filter.between')).toThrow(invalidArgument('filter.between.to'));
    expect(() => dayWindow({ from: '2023-02-29' }, 'options.between')).toThrow(invalidArgument('options.between.from'));
  });

  it('reports from when both ends are bad', () => {
    expect(() => dayWindow({ from: 'yesterday', to: 'tomorrow' }, 'filter.between')).toThrow(invalidArgument('filter.between.from'));
  });

  it('rejects a window whose from is after its to, naming the whole window', () => {
    expect(() => dayWindow({ from: '2023', to: '2022' }, 'filter.between')).toThrow(invalidArgument('filter.between'));
    expect(() => dayWindow({ from: '2022-07-01', to: '2022-06' }, 'between')).toThrow(invalidArgument('between'));
  });

  it('is undefined when neither end is given', () => {
    expect(dayWindow(undefined, 'filter.between')).toBeUndefined();
    expect(dayWindow(null, 'filter.between')).toBeUndefined();
    expect(dayWindow({}, 'filter.between')).toBeUndefined();
    expect(dayWindow({ from: null, to: null }, 'filter.between')).toBeUndefined();
  });

  it('counts from from its first day and to to its last day', () => {
    expect(dayWindow({ from: '2022', to: '2022' }, 'w')).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(dayWindow({ from: '2023-02', to: '2024-02' }, 'w')).toEqual({ from: '2023-02-01', to: '2024-02-29' });
    expect(dayWindow({ from: '2022/2023', to: '2024-01/2024-03' }, 'w')).toEqual({ from: '2022-01-01', to: '2024-03-31' });
    expect(dayWindow({ from: '2022-06-15', to: '2022-06' }, 'w')).toEqual({ from: '2022-06-15', to: '2022-06-30' });
  });

  it('leaves a missing end open', () => {
    expect(dayWindow({ from: '2022-02-24' }, 'w')).toEqual({ from: '2022-02-24', to: '9999-12-31' });
    expect(dayWindow({ to: '2021' }, 'w')).toEqual({ from: '0001-01-01', to: '2021-12-31' });
  });
});

describe('day', () => {
  it('rejects anything but an existing calendar day, naming the argument', () => {
    expect(() => day('2024-13-01', 'on')).toThrow(invalidArgument('on'));
    expect(() => day('2024-02-30', 'filter.knownAt')).toThrow(invalidArgument('filter.knownAt'));
    expect(() => day('2024-01', 'on')).toThrow(invalidArgument('on'));
    expect(() => day('2024', 'knownAt')).toThrow(invalidArgument('knownAt'));
  });

  it('is undefined when absent and the day itself otherwise', () => {
    expect(day(undefined, 'on')).toBeUndefined();
    expect(day(null, 'on')).toBeUndefined();
    expect(day('2024-02-29', 'on')).toBe('2024-02-29');
    expect(day(' 2024-01-15 ', 'on')).toBe('2024-01-15');
  });
});

describe('pageArgs', () => {
  it('rejects first outside 0–100 or not an integer', () => {
    for (const first of [-1, 101, 2.5, Number.NaN]) expect(() => pageArgs({ first })).toThrow(invalidArgument('first'));
  });

  it('rejects a cursor this API did not issue', () => {
    expect(() => pageArgs({ after: 'page-2' })).toThrow(invalidArgument('after'));
    expect(() => pageArgs({ after: Buffer.from('[]').toString('base64url') })).toThrow(invalidArgument('after'));
    expect(() => pageArgs({ after: Buffer.from('[1,2]').toString('base64url') })).toThrow(invalidArgument('after'));
  });

  it('reports first before after when both are bad', () => {
    expect(() => pageArgs({ first: 1000, after: 'nope' })).toThrow(invalidArgument('first'));
  });

  it('passes the bounds through and drops what is absent', () => {
    const after = encodeCursor(['2024-01-01', '2024-01-31', 'transfer:x']);
    expect(pageArgs({ first: 0 })).toEqual({ first: 0 });
    expect(pageArgs({ first: 100, after })).toEqual({ first: 100, after });
    expect(pageArgs({ first: null, after: null })).toEqual({});
    expect(pageArgs(undefined)).toEqual({});
  });
});

describe('nameFilterText', () => {
  it('rejects text with no letter or digit (it would match everything), naming the argument', () => {
    expect(() => nameFilterText('')).toThrow(invalidArgument('filter.text'));
    expect(() => nameFilterText(' .-– ')).toThrow(invalidArgument('filter.text'));
    expect(() => nameFilterText('***', 'text')).toThrow(invalidArgument('text'));
  });

  it('normalises the text as names are normalised: case, accents and punctuation gone', () => {
    expect(nameFilterText('U.S.')).toBe('us');
    expect(nameFilterText('  Zelenskyy ')).toBe('zelenskyy');
    expect(nameFilterText('Škoda')).toBe('skoda');
    expect(nameFilterText('Кинджал')).toBe('кинджал');
  });
});

describe('actorArg', () => {
  it('names the argument in a NOT_FOUND error and keeps the suggestions', async () => {
    await expect(actorArg(names(), 'Japn', 'from')).rejects.toThrow(notFound('from', ['Japan']));
    await expect(actorArg(names(), 'Ukrane', 'filter.actors[1]')).rejects.toThrow(notFound('filter.actors[1]', ['Ukraine']));
  });

  it('lets other errors through unchanged', async () => {
    const down = new UnavailableError('store down');
    const failing = { resolveActor: () => Promise.reject(down), resolveSystem: () => Promise.reject(down) };
    await expect(actorArg(failing, 'Japan', 'from')).rejects.toBe(down);
  });

  it('resolves ids and names to ids', async () => {
    expect(await actorArg(names(), 'Japan', 'from')).toBe('JP');
    expect(await actorArg(names(), 'UA', 'to')).toBe('UA');
  });
});

describe('systemArg', () => {
  it('names the argument in a NOT_FOUND error and keeps the suggestions', async () => {
    await expect(systemArg(names(), 'Patriott', 'options.system')).rejects.toThrow(notFound('options.system', ['Patriot']));
  });

  it('does not resolve actors as systems', async () => {
    await expect(systemArg(names(), 'Japan', 'system')).rejects.toThrow(notFound('system'));
  });

  it('resolves names to ids', async () => {
    expect(await systemArg(names(), 'Patriot missile', 'system')).toBe('system:patriot-missile');
  });
});

describe('optional', () => {
  it('does not call the resolver for an absent reference', async () => {
    const resolve = vi.fn(async (ref: string) => ref.toUpperCase());
    expect(await optional(undefined, resolve)).toBeUndefined();
    expect(await optional(null, resolve)).toBeUndefined();
    expect(resolve).not.toHaveBeenCalled();
  });

  it('resolves a present reference, even an empty one', async () => {
    const resolve = vi.fn(async (ref: string) => `<${ref}>`);
    expect(await optional('jp', resolve)).toBe('<jp>');
    expect(await optional('', resolve)).toBe('<>');
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});

describe('allInOrder', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const after = <T>(ms: number, outcome: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      }, ms),
    );

  it('throws the first failure in argument order, even when a later one fails first in time', async () => {
    vi.useFakeTimers();
    const first = new Error('first argument');
    const second = new Error('second argument');
    let settled = false;
    const result = allInOrder<[string, string, string]>([
      after(30, () => {
        throw first;
      }),
      after(10, () => {
        throw second;
      }),
      after(5, () => 'fine'),
    ]);
    const assertion = expect(result).rejects.toBe(first);
    void result.catch(() => undefined).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(20);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    await assertion;
    expect(settled).toBe(true);
  });

  it('gives the values in argument order whatever order they arrive in', async () => {
    vi.useFakeTimers();
    const result = allInOrder<[string, number, undefined]>([after(30, () => 'a'), after(10, () => 2), after(20, () => undefined)]);
    await vi.advanceTimersByTimeAsync(30);
    expect(await result).toEqual(['a', 2, undefined]);
  });

  it('resolves an empty list to an empty list', async () => {
    expect(await allInOrder<[]>([])).toEqual([]);
  });
});

describe('checkTransferFilter', () => {
  it('rejects bad dates under the filter argument’s name', () => {
    expect(() => checkTransferFilter({ between: { from: '2022-00' } })).toThrow(invalidArgument('filter.between.from'));
    expect(() => checkTransferFilter({ between: { to: '2022-12-32' } })).toThrow(invalidArgument('filter.between.to'));
    expect(() => checkTransferFilter({ knownAt: '2024' })).toThrow(invalidArgument('filter.knownAt'));
    expect(() => checkTransferFilter({ knownAt: '2024-01-01x' }, 'options')).toThrow(invalidArgument('options.knownAt'));
  });

  it('checks between before knownAt', () => {
    expect(() => checkTransferFilter({ between: { from: 'x' }, knownAt: 'y' })).toThrow(invalidArgument('filter.between.from'));
  });

  it('parses the dates and keeps the references unresolved', () => {
    const input = { supplier: 'Japan', system: 'Patriot', between: { from: '2023', to: '2024-06' }, knownAt: '2024-01-15' };
    expect(checkTransferFilter(input)).toEqual({
      input,
      argument: 'filter',
      dates: { between: { from: '2023-01-01', to: '2024-06-30' }, knownAt: '2024-01-15' },
    });
    expect(checkTransferFilter(null)).toEqual({ input: {}, argument: 'filter', dates: {} });
  });
});

describe('resolveTransferFilter', () => {
  it('names the unknown reference', async () => {
    await expect(resolveTransferFilter(names(), checkTransferFilter({ supplier: 'Japn' }))).rejects.toThrow(notFound('filter.supplier', ['Japan']));
    await expect(resolveTransferFilter(names(), checkTransferFilter({ recipient: 'Ukrane' }))).rejects.toThrow(notFound('filter.recipient'));
    await expect(resolveTransferFilter(names(), checkTransferFilter({ system: 'Patriott' }))).rejects.toThrow(notFound('filter.system'));
  });

  it('reports the first bad reference in argument order, even when its look-up answers last', async () => {
    const slowSupplier = namePort({ Japan: 'JP' }, { Patriot: 'system:patriot' }, { Atlantis: 40 });
    await expect(resolveTransferFilter(slowSupplier, checkTransferFilter({ supplier: 'Atlantis', recipient: 'Lemuria', system: 'Excalibur' })))
      .rejects.toThrow(notFound('filter.supplier'));
    const slowRecipient = namePort({ Japan: 'JP' }, { Patriot: 'system:patriot' }, { Lemuria: 40 });
    await expect(resolveTransferFilter(slowRecipient, checkTransferFilter({ supplier: 'Japan', recipient: 'Lemuria', system: 'Excalibur' })))
      .rejects.toThrow(notFound('filter.recipient'));
  });

  it('resolves references, keeps non-empty lists and the checked dates', async () => {
    const checked = checkTransferFilter({
      supplier: 'Japan', recipient: 'Ukrainian', system: 'Patriot', statuses: ['PLANNED', 'DELIVERED'], kinds: [],
      between: { from: '2024' },
    });
    expect(await resolveTransferFilter(names(), checked)).toEqual({
      supplier: 'JP', recipient: 'UA', system: 'system:patriot', statuses: ['PLANNED', 'DELIVERED'],
      between: { from: '2024-01-01', to: '9999-12-31' },
    });
  });
});

describe('transferFilter', () => {
  it('rejects a bad date before any name is looked up', async () => {
    const { ports, calls } = counting(names());
    await expect(transferFilter(ports, { supplier: 'Japan', between: { from: '2024-02-30' } })).rejects.toThrow(invalidArgument('filter.between.from'));
    await expect(transferFilter(ports, { supplier: 'Atlantis', knownAt: 'now' }, 'options')).rejects.toThrow(invalidArgument('options.knownAt'));
    expect(calls).toEqual([]);
  });

  it('names references under the argument given', async () => {
    await expect(transferFilter(names(), { recipient: 'Atlantis' }, 'options')).rejects.toThrow(notFound('options.recipient'));
  });

  it('is empty for no filter, and resolves a full one', async () => {
    expect(await transferFilter(names(), undefined)).toEqual({});
    expect(await transferFilter(names(), { supplier: 'United States', knownAt: '2023-12-22', statuses: [] })).toEqual({ supplier: 'US', knownAt: '2023-12-22' });
  });
});
