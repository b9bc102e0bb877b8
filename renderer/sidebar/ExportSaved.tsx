// What the export dialog shows once the file is written: where it went and, for Postman, what the file could not
// express (main's report), so the user reads it before handing the file to the team.
interface Props {
  path: string;
  report?: string[] | undefined;
}

export function ExportSaved({ path, report }: Props) {
  return (
    <>
      <p role="status">
        Exported to <code>{path}</code>
      </p>
      {report && report.length > 0 && (
        <section className="sb-export-report" aria-label="What Postman cannot express">
          <p>Postman cannot express:</p>
          <ul>
            {report.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
