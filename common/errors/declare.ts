/**
 * How a namespace declares its error codes: `declareErrors('ssh', { keyInvalid:
 * params({ reason: 'text' }) })` gives the runtime list of codes and param names
 * (for the translation test) and, to the compiler, the params each code carries.
 * A kind ending in `?` is optional; a translation may only use required params.
 */

/** A value a translation interpolates: what the wire (`ContractError.params`) can carry. */
export type Text = string | number;

export type ParamKind = 'text' | 'string' | 'number' | 'text?' | 'string?' | 'number?';
type ParamSpec = Readonly<Record<string, ParamKind>>;

type TypeOf<K extends ParamKind> = K extends 'number' | 'number?' ? number : K extends 'string' | 'string?' ? string : Text;
type Simplify<T> = { [K in keyof T]: T[K] };

/** The params object a spec describes: `{ path: 'text', line: 'number?' }` → `{ path: Text; line?: number }`. */
export type ParamsFrom<S extends ParamSpec> = Simplify<
  { [K in keyof S as S[K] extends `${string}?` ? never : K]: TypeOf<S[K]> } & { [K in keyof S as S[K] extends `${string}?` ? K : never]?: TypeOf<S[K]> }
>;

/** One code's declaration: the runtime spec, and its params type for the compiler. */
export interface Params<P> {
  readonly spec: ParamSpec;
  /** Compile-time only. */
  readonly type?: P;
}

/** A code that carries no params: `{}` only. */
export type NoParams = Record<string, never>;

export function params(): Params<NoParams>;
export function params<const S extends ParamSpec>(spec: S): Params<ParamsFrom<S>>;
export function params(spec: ParamSpec = {}): Params<Record<string, Text>> {
  return { spec };
}

type Declared = Record<string, Params<Record<string, Text>>>;

/** `{ keyInvalid: Params<P> }` under `ssh` becomes `{ 'ssh.keyInvalid': Params<P> }`. */
export type Namespaced<N extends string, D extends Declared> = { readonly [K in keyof D & string as `${N}.${K}`]: D[K] };

export function declareErrors<N extends string, D extends Declared>(namespace: N, codes: D): Namespaced<N, D> {
  return Object.fromEntries(Object.entries(codes).map(([key, marker]) => [`${namespace}.${key}`, marker])) as Namespaced<N, D>;
}
