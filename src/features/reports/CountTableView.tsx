import { cellText, type SuppressedTable } from "../../domain/reports";
import type { Labels } from "./labels";

/** A suppressed count table: rows, measure columns and a total row, as text shown everywhere. */
export function CountTableView({
  table,
  caption,
  rowHeader,
  rowLabel,
  columnLabel,
  totalLabel,
  testId,
}: {
  table: SuppressedTable;
  caption: string;
  rowHeader: string;
  rowLabel: (key: string) => string;
  columnLabel: (c: string) => string;
  totalLabel: string;
  testId: string;
}) {
  return (
    <table className="report-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {table.columns.map((c) => (
            <th scope="col" key={c}>
              {columnLabel(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{rowLabel(r.key)}</th>
            {r.cells.map((c, i) => (
              <td key={table.columns[i]}>{cellText(c, table.threshold)}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{totalLabel}</th>
          {table.totals.map((c, i) => (
            <td key={table.columns[i]}>{cellText(c, table.threshold)}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** A report section of one count table: its heading, and the table (`table-<id>`). */
export function CountSection(props: {
  id: string;
  title: string;
  table: SuppressedTable;
  rowHeader: string;
  rowLabel: (k: string) => string;
  labels: Labels;
}) {
  return (
    <section aria-labelledby={`report-${props.id}`}>
      <h2 id={`report-${props.id}`}>{props.title}</h2>
      <CountTableView
        table={props.table}
        caption={props.title}
        rowHeader={props.rowHeader}
        rowLabel={props.rowLabel}
        columnLabel={props.labels.name}
        totalLabel={props.labels.t.total}
        testId={`table-${props.id}`}
      />
    </section>
  );
}
