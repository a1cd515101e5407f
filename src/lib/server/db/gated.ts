/**
 * Wraps a drizzle database (or transaction) so that every query it builds runs through a gate
 * when awaited. The gate decides when a query may run (SQLite: after any open transaction;
 * both: never from inside a transaction that should have been used instead). Builders keep
 * their full drizzle API; only `then`/`catch`/`finally` go through the gate.
 */
import { entityKind } from 'drizzle-orm';

export type Gate = <T>(execute: () => Promise<T>) => Promise<T>;

function isDrizzleObject(value: unknown): value is object {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const ctor = (value as { constructor?: unknown }).constructor;
	return typeof ctor === 'function' && entityKind in ctor;
}

type Thenable = { then(onFulfilled?: unknown, onRejected?: unknown): Promise<unknown> };

/** `target` with its queries gated; `overrides` replace properties of the top-level object. */
export function gated<T extends object>(target: T, gate: Gate, overrides: Partial<Record<PropertyKey, unknown>> = {}): T {
	return new Proxy(target, {
		get(t, prop) {
			if (Object.hasOwn(overrides, prop)) return overrides[prop];
			const value: unknown = Reflect.get(t, prop, t);
			if (typeof prop === 'symbol' || prop === 'constructor') return value;
			if (typeof value !== 'function') {
				const wrap = isDrizzleObject(value) || (prop === 'query' && typeof value === 'object' && value !== null);
				return wrap ? gated(value as object, gate) : value;
			}
			const fn = value as (...args: unknown[]) => unknown;
			if (prop === 'then' || prop === 'catch' || prop === 'finally') {
				const run = () => gate(() => (t as unknown as Thenable).then());
				if (prop === 'then') return (onFulfilled?: never, onRejected?: never) => run().then(onFulfilled, onRejected);
				if (prop === 'catch') return (onRejected?: never) => run().catch(onRejected);
				return (onFinally?: () => void) => run().finally(onFinally);
			}
			return (...args: unknown[]) => {
				const out = fn.apply(t, args);
				return isDrizzleObject(out) ? gated(out, gate) : out;
			};
		}
	});
}
