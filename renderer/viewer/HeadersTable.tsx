// Response headers exactly as they arrived: in order, duplicates kept, names in the server's case. When the
// server sent more than RoleCall keeps, the table says so rather than pass the first ones off as all of them.
interface Props {
  headers: ReadonlyArray<readonly [string, string]>;
  label: string;
  truncated?: boolean;
}

export function HeadersTable({ headers, label, truncated }: Props) {
  if (headers.length === 0) return <p className="rv-empty-note">No headers.</p>;
  return (
    <>
      {truncated && (
        <p className="rv-note" role="status">
          {`The server sent more than ${headers.length} headers; only the first ${headers.length} are shown.`}
        </p>
      )}
      <HeaderRows headers={headers} label={label} />
    </>
  );
}

function HeaderRows({ headers, label }: Props) {
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
