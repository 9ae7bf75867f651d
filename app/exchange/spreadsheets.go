package exchange

import (
	"io"
	"time"

	"acedesk/app"
)

// Spreadsheets is app.Spreadsheets.
type Spreadsheets struct{}

func (Spreadsheets) ReadTable(r io.Reader, columns []app.Column) (*app.Table, error) {
	return ReadTable(r, columns)
}

func (Spreadsheets) WriteXLSX(w io.Writer, sheets []app.Sheet) error { return WriteXLSX(w, sheets) }

func (Spreadsheets) WriteCSVZip(w io.Writer, tables []app.DataTable, modified time.Time) error {
	return WriteCSVZip(w, tables, modified)
}

func (Spreadsheets) WriteSQL(w io.Writer, source string, tables []app.DataTable, made time.Time) error {
	return WriteSQL(w, source, tables, made)
}
