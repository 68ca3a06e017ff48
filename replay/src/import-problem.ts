/** One entry an import could not take, and why (`line 12: …`, `entry 3: …`). */
export interface ImportProblem {
  readonly where: string;
  readonly reason: string;
}

/** Each format's parser yields entries or problems, in file order. */
export type ImportItem<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ImportProblem };
