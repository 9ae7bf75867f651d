// Package exchange reads the tables chapter leads keep in Excel or WPS:
// XLSX workbooks and CSV files in whatever encoding they were saved.
package exchange

import (
	"bytes"
	"io"
	"strings"

	"acedesk/app"

	"github.com/xuri/excelize/v2"
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
)

// ReadTable reads an XLSX workbook (its first sheet) or a CSV file, told
// apart by content since file names lie. The first non-empty row is the
// header; every header must be one of columns. Empty rows are skipped. Any
// failure is an *Error.
func ReadTable(r io.Reader, columns []app.Column) (*app.Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, app.MaxTableBytes+1))
	if err != nil {
		return nil, unreadable(err)
	}
	if len(data) > app.MaxTableBytes {
		return nil, &app.TableError{Problem: app.TableTooLarge}
	}
	b := &builder{columns: columns}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		err = readXLSX(data, b)
	case bytes.HasPrefix(data, oleMagic):
		err = &app.TableError{Problem: app.TableLegacyFormat}
	default:
		err = readCSV(data, b)
	}
	if err != nil {
		return nil, err
	}
	if b.keys == nil {
		return nil, &app.TableError{Problem: app.TableNoHeader}
	}
	return &b.table, nil
}

// builder turns raw rows, header first, into a Table.
type builder struct {
	columns []app.Column
	// keys maps each header cell to its column key, "" for an empty header.
	keys  []string
	table app.Table
}

func (b *builder) add(number int, cells []string) error {
	empty := true
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
		empty = empty && cells[i] == ""
	}
	if empty {
		return nil
	}
	if b.keys == nil {
		return b.header(cells)
	}
	if len(b.table.Rows) == app.MaxTableRows {
		return &app.TableError{Problem: app.TableTooLarge}
	}
	row := app.TableRow{Number: number, Cells: make(map[string]string, len(b.table.Columns))}
	for _, k := range b.table.Columns {
		row.Cells[k] = ""
	}
	for i, v := range cells {
		if v == "" {
			continue
		}
		if i >= len(b.keys) || b.keys[i] == "" {
			// Data without a header would be dropped silently.
			return &app.TableError{Problem: app.TableUnnamedColumn, Columns: []string{columnLetter(i)}}
		}
		row.Cells[b.keys[i]] = v
	}
	b.table.Rows = append(b.table.Rows, row)
	return nil
}

func (b *builder) header(cells []string) error {
	accepted := map[string]string{}
	for _, c := range b.columns {
		accepted[normalizeHeader(c.Key)] = c.Key
		for _, l := range c.Labels {
			accepted[normalizeHeader(l)] = c.Key
		}
	}
	seen := map[string]bool{}
	var unknown, dup []string
	keys := make([]string, len(cells))
	for i, h := range cells {
		if h == "" {
			continue
		}
		key, ok := accepted[normalizeHeader(h)]
		switch {
		case !ok:
			unknown = append(unknown, h)
		case seen[key]:
			dup = append(dup, h)
		default:
			seen[key] = true
			keys[i] = key
			b.table.Columns = append(b.table.Columns, key)
		}
	}
	if len(unknown) > 0 {
		return &app.TableError{Problem: app.TableUnknownColumn, Columns: unknown}
	}
	if len(dup) > 0 {
		return &app.TableError{Problem: app.TableDuplicateColumn, Columns: dup}
	}
	var missing []string
	for _, c := range b.columns {
		if c.Required && !seen[c.Key] {
			missing = append(missing, c.Key)
		}
	}
	if len(missing) > 0 {
		return &app.TableError{Problem: app.TableMissingColumn, Columns: missing}
	}
	b.keys = keys
	return nil
}

// requiredMarks are how templates flag a required column.
var requiredMarks = []string{"*", "＊", "（必填）", "(必填)"}

func normalizeHeader(h string) string {
	h = strings.TrimSpace(h)
	for _, m := range requiredMarks {
		h = strings.TrimSpace(strings.TrimSuffix(h, m))
	}
	return strings.ToLower(h)
}

// columnLetter is the spreadsheet name of the zero-based column i: A, B, … AA.
func columnLetter(i int) string {
	name, err := excelize.ColumnNumberToName(i + 1)
	if err != nil {
		return "?"
	}
	return name
}

func unreadable(err error) *app.TableError {
	return &app.TableError{Problem: app.TableUnreadable, Err: err}
}
