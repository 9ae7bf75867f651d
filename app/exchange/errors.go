package exchange

import (
	"fmt"
	"strings"
)

// Problem names what is wrong with a file, so the caller can explain it in
// the user's language.
type Problem string

const (
	Unreadable Problem = "unreadable"
	// LegacyFormat is an old binary .xls (or .et) workbook, or an encrypted
	// one: both are OLE files the reader cannot open.
	LegacyFormat    Problem = "legacy_format"
	TooLarge        Problem = "too_large"
	NoHeader        Problem = "no_header"
	UnknownColumn   Problem = "unknown_column"
	DuplicateColumn Problem = "duplicate_column"
	MissingColumn   Problem = "missing_column"
	// UnnamedColumn is a column with data under an empty header cell.
	UnnamedColumn Problem = "unnamed_column"
)

// Error is why a file cannot be read as a table.
type Error struct {
	Problem Problem
	// Columns are the headers concerned: as written in the file for unknown
	// and duplicate columns, keys for missing ones, letters (D) for unnamed.
	Columns []string
	// Err is the underlying cause of an unreadable file, for the log.
	Err error
}

func (e *Error) Error() string {
	switch e.Problem {
	case LegacyFormat:
		return "an old .xls workbook or an encrypted one: save it as .xlsx or CSV"
	case TooLarge:
		return fmt.Sprintf("more than %d MB or %d rows", MaxBytes>>20, MaxRows)
	case NoHeader:
		return "no header row"
	case UnknownColumn:
		return "unknown columns: " + strings.Join(e.Columns, ", ")
	case DuplicateColumn:
		return "columns given twice: " + strings.Join(e.Columns, ", ")
	case MissingColumn:
		return "missing columns: " + strings.Join(e.Columns, ", ")
	case UnnamedColumn:
		return "data under an empty header in columns " + strings.Join(e.Columns, ", ")
	}
	if e.Err != nil {
		return "not a readable CSV or XLSX file: " + e.Err.Error()
	}
	return "not a readable CSV or XLSX file"
}

func (e *Error) Unwrap() error { return e.Err }

func unreadable(err error) *Error { return &Error{Problem: Unreadable, Err: err} }
