package app

import (
	"fmt"
	"strings"
)

// TableProblem names what is wrong with a file, so the caller can explain it in
// the user's language.
type TableProblem string

const (
	TableUnreadable TableProblem = "unreadable"
	// LegacyFormat is an old binary .xls (or .et) workbook, or an encrypted
	// one: both are OLE files the reader cannot open.
	TableLegacyFormat    TableProblem = "legacy_format"
	TableTooLarge        TableProblem = "too_large"
	TableNoHeader        TableProblem = "no_header"
	TableUnknownColumn   TableProblem = "unknown_column"
	TableDuplicateColumn TableProblem = "duplicate_column"
	TableMissingColumn   TableProblem = "missing_column"
	// UnnamedColumn is a column with data under an empty header cell.
	TableUnnamedColumn TableProblem = "unnamed_column"
	// Broken is a sheet that stops being readable at Row: the whole
	// file is refused, never the rows before it imported alone.
	TableBroken TableProblem = "broken"
	// BeyondLimit is a cell, a row or the shared texts beyond what any
	// real sheet has (see app/exchange's MaxCellChars and the others).
	TableBeyondLimit TableProblem = "beyond_limit"
)

// TableError is why a file cannot be read as a table.
type TableError struct {
	Problem TableProblem
	// Columns are the headers concerned: as written in the file for unknown
	// and duplicate columns, keys for missing ones, letters (D) for unnamed.
	Columns []string
	// Row is the row where a broken sheet broke, or that went beyond a
	// limit (0 when not in a row).
	Row int
	// Err is the underlying cause of an unreadable file, for the log.
	Err error
}

func (e *TableError) Error() string {
	switch e.Problem {
	case TableLegacyFormat:
		return "an old .xls workbook or an encrypted one: save it as .xlsx or CSV"
	case TableTooLarge:
		return fmt.Sprintf("more than %d MB or %d rows", MaxTableBytes>>20, MaxTableRows)
	case TableNoHeader:
		return "no header row"
	case TableUnknownColumn:
		return "unknown columns: " + strings.Join(e.Columns, ", ")
	case TableDuplicateColumn:
		return "columns given twice: " + strings.Join(e.Columns, ", ")
	case TableMissingColumn:
		return "missing columns: " + strings.Join(e.Columns, ", ")
	case TableUnnamedColumn:
		return "data under an empty header in columns " + strings.Join(e.Columns, ", ")
	case TableBroken:
		return fmt.Sprintf("the sheet is damaged at row %d (%v): nothing of it is imported", e.Row, e.Err)
	case TableBeyondLimit:
		return fmt.Sprintf("beyond what a sheet may hold (row %d): at most %d characters a cell, %d cells a row, %d distinct texts",
			e.Row, MaxCellChars, MaxRowCells, MaxSharedStrings)
	}
	if e.Err != nil {
		return "not a readable CSV or XLSX file: " + e.Err.Error()
	}
	return "not a readable CSV or XLSX file"
}

func (e *TableError) Unwrap() error { return e.Err }
