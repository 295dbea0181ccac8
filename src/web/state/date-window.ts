// Date windows of the controls: EDTF years, months or days as bounds, written "from/to" in URLs.

/** A window of days; an empty bound is open. */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

/** The open window. */
export const OPEN_WINDOW: DateWindow = { from: '', to: '' };

const BOUND = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** True when `text` is a bound the API accepts here: an EDTF year (2022), month (2022-04) or day (2022-04-01). */
export function isWindowBound(text: string): boolean {
  return BOUND.test(text);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first (`start`) or last (`end`) calendar day a bound covers, as YYYY-MM-DD; undefined if it is not a bound. */
export function boundDay(text: string, side: 'start' | 'end'): string | undefined {
  const m = BOUND.exec(text);
  if (m === null) return undefined;
  const year = m[1]!;
  const month = m[2] ?? (side === 'start' ? '01' : '12');
  if (m[3] !== undefined) return `${year}-${month}-${m[3]}`;
  const day = side === 'start' ? 1 : daysIn(Number(year), Number(month));
  return `${year}-${month}-${String(day).padStart(2, '0')}`;
}

/** Reads "2022/2024", "2022/", "/2024" or "2022" (one year both ways); anything unreadable is the open window. */
export function parseWindow(text: string | null | undefined): DateWindow {
  const value = (text ?? '').trim();
  if (value === '') return OPEN_WINDOW;
  const slash = value.indexOf('/');
  if (slash < 0) return { from: value, to: value };
  return { from: value.slice(0, slash).trim(), to: value.slice(slash + 1).trim() };
}

/** Writes a window as "from/to" ("" when open both ways). */
export function formatWindow(window: DateWindow): string {
  return window.from === '' && window.to === '' ? '' : `${window.from}/${window.to}`;
}

/** Says what is wrong with a window, or undefined when it is usable. */
export function windowProblem(window: DateWindow): string | undefined {
  for (const [name, value] of [['from', window.from], ['to', window.to]] as const) {
    if (value !== '' && !isWindowBound(value)) return `Window ${name} "${value}" is not a year (2022), month (2022-04) or day (2022-04-01)`;
  }
  const start = window.from === '' ? undefined : boundDay(window.from, 'start');
  const end = window.to === '' ? undefined : boundDay(window.to, 'end');
  if (start !== undefined && end !== undefined && start > end) return `Window from ${window.from} is after its end ${window.to}`;
  return undefined;
}

/** The window as the API's DateWindow input, or undefined when open both ways. */
export function windowInput(window: DateWindow): { from?: string; to?: string } | undefined {
  if (window.from === '' && window.to === '') return undefined;
  return { ...(window.from !== '' && { from: window.from }), ...(window.to !== '' && { to: window.to }) };
}
