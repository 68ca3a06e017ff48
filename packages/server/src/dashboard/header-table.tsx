/** Headers as stored (already redacted at capture). */
export function HeaderTable(props: { headers: Readonly<Record<string, string>> }) {
  const entries = Object.entries(props.headers);
  if (entries.length === 0) return <p class="muted">none</p>;
  return (
    <table>
      <tbody>
        {entries.map(([name, value]) => (
          <tr>
            <th>{name}</th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
