package app

import (
	"strconv"
	"strings"
	"time"
)

// FieldType is what a column holds, so each file format can write it
// properly: spreadsheets as text or numbers, PostgreSQL as a typed column.
type FieldType int

const (
	FieldText FieldType = iota
	FieldInteger
	// BigInt is a record ID (bigint in PostgreSQL).
	FieldBigInt
	FieldBoolean
	// Date is a civil date, given as "2006-01-02" text or a time.Time.
	FieldDate
	// Timestamp is an instant (timestamptz), given as a time.Time.
	FieldTimestamp
)

// DataField is one column of a DataTable: a machine name (CSV files, SQL
// columns), the Chinese header people read, and its type.
type DataField struct {
	Name   string
	Header string
	Type   FieldType
	// References is the SQL foreign key target, e.g. "members(id)".
	References string
}

// DataTable is one table of exported data. Rows hold, per field, a string, an
// int64, a bool, a time.Time or nil (empty in spreadsheets, NULL in SQL).
type DataTable struct {
	// Name is the CSV file's and the SQL table's name.
	Name string
	// Title is the worksheet's name.
	Title  string
	Fields []DataField
	// Key names the fields that identify a row (the SQL primary key).
	Key  []string
	Rows [][]any
	// Scope, when set, says the rows are the whole table only where a
	// field has one value (the standings of one year), so a PostgreSQL
	// load leaves the rest of the table alone.
	Scope *DataScope
}

// DataScope is a part of a table: the rows whose Field is Value.
type DataScope struct {
	Field string
	Value any
}

// CleanText makes text storable anywhere it goes: PostgreSQL refuses NUL
// characters and invalid UTF-8 in text, so both are dropped here and every
// format writes the same value.
func CleanText(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\x00", "")
}

// FormatValue writes a value as text: dates as 2006-01-02, instants as
// RFC 3339 in UTC, nil (and a zero time) as "".
func FormatValue(v any, t FieldType) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return CleanText(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case time.Time:
		if x.IsZero() {
			return ""
		}
		if t == FieldDate {
			return x.Format(time.DateOnly)
		}
		return x.UTC().Format(time.RFC3339)
	}
	panic("exchange: unsupported value type")
}

// Sheet is the table as a worksheet: Chinese headers, every value as text,
// whole numbers kept numeric so Excel sorts and sums them.
func (d DataTable) Sheet() Sheet {
	sh := Sheet{Name: d.Title, Header: make([]string, len(d.Fields)), Numeric: make([]bool, len(d.Fields)), Rows: make([][]string, len(d.Rows))}
	for i, f := range d.Fields {
		sh.Header[i], sh.Numeric[i] = f.Header, f.Type == FieldInteger || f.Type == FieldBigInt
	}
	for r, row := range d.Rows {
		sh.Rows[r] = d.textRow(row)
	}
	return sh
}

func (d DataTable) textRow(row []any) []string {
	out := make([]string, len(row))
	for i, v := range row {
		out[i] = FormatValue(v, d.Fields[i].Type)
	}
	return out
}
