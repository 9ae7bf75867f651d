package app

import (
	"io"
	"time"
)

// Spreadsheets reads the tables people keep in Excel or WPS (XLSX, CSV in
// any encoding) and writes the workbooks, CSV files and SQL scripts ACE
// Desk hands out (app/exchange).
type Spreadsheets interface {
	// ReadTable reads an XLSX workbook (its first sheet) or a CSV file.
	// The first non-empty row is the header; every header must be one of
	// columns. Any failure is a *TableError.
	ReadTable(r io.Reader, columns []Column) (*Table, error)
	// WriteXLSX writes one worksheet per sheet; text that a spreadsheet
	// would run as a formula is neutralized.
	WriteXLSX(w io.Writer, sheets []Sheet) error
	// WriteCSVZip writes one CSV file per table in a zip.
	WriteCSVZip(w io.Writer, tables []DataTable, modified time.Time) error
	// WriteSQL writes a psql script that makes schema acedesk mirror the
	// tables of the database source.
	WriteSQL(w io.Writer, source string, tables []DataTable, made time.Time) error
}

// Limits of one file: far beyond any chapter's roster, small enough that a
// wrong file is refused before it fills memory.
const (
	MaxTableBytes = 20 << 20
	MaxTableRows  = 100000
	// A cell (Excel's own limit), a row and the distinct texts of a
	// workbook: far beyond a real sheet, small enough to refuse a hostile
	// one before it fills memory.
	MaxCellChars     = 32_767
	MaxRowCells      = 256
	MaxSharedStrings = 1_000_000
)

// Column is one column a caller accepts. The header may be the key or any
// label, in any case, with a trailing "*" or "（必填）" as templates mark
// required columns.
type Column struct {
	Key      string
	Labels   []string
	Required bool
}

// Table is a file's data rows, cells keyed by column key.
type Table struct {
	// Columns are the keys of the columns the file has, in file order.
	Columns []string
	Rows    []TableRow
}

// TableRow is one non-empty data row.
type TableRow struct {
	// Number is the row number the spreadsheet shows; the header is row 1
	// when nothing is above it.
	Number int
	// Cells holds a trimmed value for every column in Table.Columns.
	Cells map[string]string
}

// Sheet is one worksheet to write: a name, a header row and text rows.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]string
	// Numeric marks the columns whose whole numbers are written as
	// numbers rather than text (nil: all text).
	Numeric []bool
}
