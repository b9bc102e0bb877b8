// Response headers exactly as they arrived: in order, duplicates kept, names in the server's case.
export function HeadersTable({ headers, label }: { headers: ReadonlyArray<readonly [string, string]>; label: string }) {
  if (headers.length === 0) return <p className="rv-empty-note">No headers.</p>;
  return (
    <table className="rv-headers" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={i}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
