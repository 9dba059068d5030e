/** A column of figures: its heading is aligned like its cells (class "number"). */
export interface FigureColumn {
  figure: string;
}

/** A data table's header row, one heading a column: a string for a text column, `{ figure }` for a column of figures. */
export function ColumnHeadings({ columns }: { columns: readonly (string | FigureColumn)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.figure} scope="col" className="number">
              {column.figure}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
