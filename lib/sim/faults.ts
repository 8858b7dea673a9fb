// Fault injection: per operation (or all), by rate or for the next N calls. The grammar below is shared by
// the `--fault` flag of `npm run sim` / `ecs-monitor --demo` and by tests through `parseFaultSpec`.
//
//   KIND[:OPERATION[+OPERATION...]][=VALUE]
//
//   throttle  ThrottlingException (ECS) / Throttling (CloudWatch), HTTP 400: the SDK retries it
//   error     ServerException (ECS) / InternalFailure (CloudWatch), HTTP 500
//   deny      AccessDeniedException / AccessDenied
//   expired   ExpiredTokenException / ExpiredToken
//   notfound  the cluster was deleted: ClusterNotFoundException, MISSING in DescribeClusters
//   reset     the connection is dropped without an answer
//   latency   VALUE = milliseconds added before answering (required)
//   down      VALUE = DOWN_MS/EVERY_MS: the endpoint stops listening for DOWN_MS out of every EVERY_MS
//
// VALUE for the failure kinds: a rate with a decimal point (`0.3` = 30% of matching calls, drawn from the
// seeded generator), a whole number N (the next N matching calls), or nothing (every matching call).
// `deny` also takes operation names as its value: `deny=DescribeTasks` equals `deny:DescribeTasks`.

import { SIM_OPERATIONS } from './operations.js';

/** What happens to a request that a rule hits. */
export type FaultKind = 'throttle' | 'error' | 'deny' | 'expired' | 'notfound' | 'reset' | 'latency';

/** One fault rule. Without `rate` or `count` a failure rule hits every matching call. */
export interface FaultRule {
  readonly kind: FaultKind;
  /** Operation name, e.g. `DescribeTasks`; `*` or absent for every operation. */
  readonly operation?: string;
  /** Probability 0..1 that a matching call fails. */
  readonly rate?: number;
  /** Fail the next `count` matching calls, then stop. */
  readonly count?: number;
  /** For `latency`: milliseconds added to each matching call. */
  readonly ms?: number;
}

/** The endpoint stops listening for `downMs` out of every `everyMs` (starting with an up phase). */
export interface OutageSpec {
  readonly kind: 'down';
  readonly downMs: number;
  readonly everyMs: number;
}

/** What the server must do to one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly failure: Exclude<FaultKind, 'latency'> | undefined;
}

/** Help text for the `--fault` flag, printed by `--help`. */
export const FAULT_SPEC_HELP = `--fault KIND[:OPERATION[+OPERATION...]][=VALUE]   (repeatable)
  throttle   ThrottlingException / Throttling (HTTP 400, retried by the SDK)
  error      ServerException / InternalFailure (HTTP 500)
  deny       AccessDeniedException / AccessDenied
  expired    ExpiredTokenException / ExpiredToken
  notfound   the cluster was deleted (ClusterNotFoundException)
  reset      the connection is dropped without an answer
  latency    VALUE = milliseconds added to every matching call
  down       VALUE = DOWN_MS/EVERY_MS: the endpoint stops listening DOWN_MS out of every EVERY_MS
  VALUE for the failure kinds: 0.3 = 30% of calls, 3 = the next 3 calls, omitted = every call.
  OPERATION: an ECS or CloudWatch operation (DescribeTasks, GetMetricData); omitted = all.
  Examples: throttle=0.3  latency=50  deny=DescribeTasks  throttle:ListTasks=3  down=5000/30000`;

const KIND_ALIASES: Readonly<Record<string, FaultKind | 'down'>> = {
  throttle: 'throttle',
  error: 'error',
  '5xx': 'error',
  deny: 'deny',
  expired: 'expired',
  notfound: 'notfound',
  reset: 'reset',
  latency: 'latency',
  down: 'down',
};

/** A fault spec string that does not follow the grammar. */
export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

/**
 * Parses one `--fault` value into rules (one per operation named) or an outage.
 * @throws FaultSpecError when the kind, an operation name or the value is not valid.
 */
export function parseFaultSpec(spec: string): FaultRule[] | OutageSpec {
  const match = /^([a-z0-9-]+)(?::([A-Za-z*+]+))?(?:=(.+))?$/.exec(spec.trim());
  const kind = match ? KIND_ALIASES[match[1] ?? ''] : undefined;
  if (!match || kind === undefined) {
    throw new FaultSpecError(`Fault "${spec}" is not KIND[:OPERATION]=VALUE with KIND one of ${Object.keys(KIND_ALIASES).join(', ')}.`);
  }
  let operations = match[2] === undefined ? ['*'] : match[2].split('+');
  let value = match[3];
  if (kind === 'down') return parseOutage(spec, value);
  if (kind === 'deny' && value !== undefined && /^[A-Za-z+]+$/.test(value)) {
    operations = value.split('+');
    value = undefined;
  }
  for (const op of operations) {
    if (op !== '*' && !SIM_OPERATIONS.includes(op)) {
      throw new FaultSpecError(`Fault "${spec}" names unknown operation "${op}"; known: ${SIM_OPERATIONS.join(', ')}.`);
    }
  }
  const amount = parseAmount(spec, kind, value);
  return operations.map((operation) => ({ kind, ...(operation === '*' ? {} : { operation }), ...amount }));
}

function parseAmount(spec: string, kind: FaultKind, value: string | undefined): Omit<FaultRule, 'kind'> {
  if (kind === 'latency') {
    if (value === undefined || !/^\d+$/.test(value)) throw new FaultSpecError(`Fault "${spec}" needs latency=MILLISECONDS.`);
    return { ms: Number(value) };
  }
  if (value === undefined) return {};
  if (/^\d+$/.test(value) && Number(value) >= 1) return { count: Number(value) };
  if (/^\d*\.\d+$/.test(value) && Number(value) <= 1) return { rate: Number(value) };
  throw new FaultSpecError(`Fault "${spec}" has value "${value}": use a rate like 0.3, a count like 3, or nothing.`);
}

function parseOutage(spec: string, value: string | undefined): OutageSpec {
  const m = value === undefined ? null : /^(\d+)\/(\d+)$/.exec(value);
  const downMs = Number(m?.[1]);
  const everyMs = Number(m?.[2]);
  if (!m || downMs <= 0 || everyMs <= downMs) {
    throw new FaultSpecError(`Fault "${spec}" needs down=DOWN_MS/EVERY_MS with DOWN_MS smaller than EVERY_MS.`);
  }
  return { kind: 'down', downMs, everyMs };
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number | undefined;
}

/** Starts and cancels endpoint outages (the server side of the `down` fault). */
export interface OutageControl {
  start(outage: OutageSpec): void;
  cancelAll(): void;
}

/** The fault rules in force; tests change them while the simulator runs. */
export class Faults {
  private rules: ActiveRule[] = [];

  /**
   * @param random the simulator's seeded generator, so rates are reproducible.
   * @param outages where `down` specs go; without it they are refused.
   */
  constructor(
    private readonly random: () => number,
    private readonly outages?: OutageControl,
  ) {}

  /**
   * Adds one rule, several, or an outage (the output of `parseFaultSpec` works as is).
   * @throws RangeError when a rate is outside 0..1, a count/ms is negative, or outages are not supported.
   */
  set(rules: FaultRule | readonly FaultRule[] | OutageSpec): void {
    if (!Array.isArray(rules) && (rules as OutageSpec).kind === 'down') {
      if (!this.outages) throw new RangeError('this simulator cannot take the endpoint down');
      this.outages.start(rules as OutageSpec);
      return;
    }
    for (const rule of Array.isArray(rules) ? (rules as readonly FaultRule[]) : [rules as FaultRule]) {
      if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) throw new RangeError(`fault rate ${rule.rate} is not within 0..1`);
      if ((rule.count ?? 0) < 0 || (rule.ms ?? 0) < 0) throw new RangeError('fault count and ms must not be negative');
      this.rules.push({ rule, remaining: rule.count });
    }
  }

  /** Removes every rule and outage, or only the rules for one operation (use '*' for the all-operation rules). */
  clear(operation?: string): void {
    if (operation === undefined) this.outages?.cancelAll();
    this.rules = operation === undefined ? [] : this.rules.filter((r) => (r.rule.operation ?? '*') !== operation);
  }

  /** The rules still in force. */
  list(): FaultRule[] {
    return this.rules.filter((r) => r.remaining === undefined || r.remaining > 0).map((r) => r.rule);
  }

  /** Decides the fate of one request to `operation`, consuming counted rules that fire. */
  decide(operation: string): FaultDecision {
    let latencyMs = 0;
    let failure: FaultDecision['failure'];
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.operation !== undefined && rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.kind === 'latency') {
        latencyMs += rule.ms ?? 0;
        continue;
      }
      if (failure !== undefined) continue;
      if (active.remaining !== undefined) {
        if (active.remaining <= 0) continue;
        active.remaining--;
        failure = rule.kind;
      } else if (rule.rate === undefined || this.random() < rule.rate) {
        failure = rule.kind;
      }
    }
    this.rules = this.rules.filter((r) => r.remaining === undefined || r.remaining > 0);
    return { latencyMs, failure };
  }
}
