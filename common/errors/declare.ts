/**
 * How a namespace declares its error codes: `declareErrors('ssh', { keyInvalid:
 * params<{ reason: Text }>() })` gives the runtime list of codes (for the
 * translation test) and, to the compiler, the params each code carries.
 */

/** A value a translation interpolates: what the wire (`ContractError.params`) can carry. */
export type Text = string | number;

/** Compile-time only: the params type of one code. The runtime value is an empty marker. */
export interface Params<P> {
  readonly params?: P;
}

export function params<P extends Record<string, Text> = Record<never, never>>(): Params<P> {
  return {};
}

type Declared = Record<string, Params<Record<string, Text>>>;

/** `{ keyInvalid: Params<P> }` under `ssh` becomes `{ 'ssh.keyInvalid': Params<P> }`. */
export type Namespaced<N extends string, D extends Declared> = { readonly [K in keyof D & string as `${N}.${K}`]: D[K] };

export function declareErrors<N extends string, D extends Declared>(namespace: N, codes: D): Namespaced<N, D> {
  return Object.fromEntries(Object.entries(codes).map(([key, marker]) => [`${namespace}.${key}`, marker])) as Namespaced<N, D>;
}
