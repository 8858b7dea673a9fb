// Short, fixed-vocabulary number and time formats for table cells. A missing value prints as `-`.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `45s`, `12m`, `3h12m`, `2d4h`; negative durations count as 0, a non-finite one prints `-`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  const d = Math.max(0, ms);
  if (d < MINUTE) return `${Math.floor(d / SECOND)}s`;
  if (d < HOUR) return `${Math.floor(d / MINUTE)}m`;
  if (d < DAY) return `${Math.floor(d / HOUR)}h${Math.floor((d % HOUR) / MINUTE)}m`;
  const days = Math.floor(d / DAY);
  // Beyond ~27 years the number is noise from a bad timestamp; keep the cell short.
  if (days > 9999) return '>9999d';
  return `${days}d${Math.floor((d % DAY) / HOUR)}h`;
}

/** The age of an epoch-ms time at `now` (`3h12m`), or `-` when the time is unknown. */
export function formatAge(at: number | undefined, now: number): string {
  return at === undefined ? '-' : formatDuration(now - at);
}

/** `37%` (rounded), `-` when missing; values past 999 print `>999%`, negatives `0%`. */
export function formatPercent(v?: number): string {
  if (v === undefined || !Number.isFinite(v)) return '-';
  const r = Math.round(Math.max(0, v));
  return r > 999 ? '>999%' : `${r}%`;
}

/** CPU units (1024 = one vCPU) as a whole number (`256`), `12k` when large, `-` when missing. */
export function formatCpuUnits(units?: number): string {
  return compactNumber(units);
}

/** MiB as a whole number (`512`), `12k` when large, `-` when missing. */
export function formatMiB(mib?: number): string {
  return compactNumber(mib);
}

function compactNumber(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '-';
  const r = Math.round(Math.max(0, n));
  if (r < 100_000) return String(r);
  if (r < 100_000_000) return `${Math.round(r / 1000)}k`;
  return r < 1e11 ? `${Math.round(r / 1e6)}M` : '>99G';
}

/** `256/512`, `-/512` when usage is missing, `256/-` when the limit is, `-` when both are. */
export function formatUsedOfLimit(used: number | undefined, limit: number | undefined, unit: 'cpu' | 'MiB'): string {
  if (used === undefined && limit === undefined) return '-';
  const f = unit === 'cpu' ? formatCpuUnits : formatMiB;
  return `${f(used)}/${f(limit)}`;
}

/** Wall-clock `HH:MM:SS` of an epoch-ms time in the local time zone. */
export function formatClock(at: number): string {
  if (!Number.isFinite(at)) return '--:--:--';
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** `family:42` from a task definition ARN (or the input when it is not an ARN). */
export function taskDefinitionName(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash === -1 ? arn : arn.slice(slash + 1);
}
