/** A filter chosen from a list (`''` reads "any"). */
export type SelectFilter = readonly [name: string, options: readonly string[]];

/** The GET form above a list page: a select per listed filter, a text box per free one, kept from `query`. */
export function FilterForm(props: {
  action: string;
  query: Record<string, string>;
  selects: readonly SelectFilter[];
  texts: readonly string[];
}) {
  const q = props.query;
  return (
    <form class="filters" method="get" action={props.action}>
      {props.selects.map(([name, options]) => (
        <label>
          {name}
          <select name={name}>
            {options.map((o) => (
              <option value={o} selected={q[name] === o}>
                {o === '' ? 'any' : o}
              </option>
            ))}
          </select>
        </label>
      ))}
      {props.texts.map((name) => (
        <label>
          {name}
          <input name={name} value={q[name] ?? ''} size={12} />
        </label>
      ))}
      <button type="submit">Filter</button>
    </form>
  );
}
