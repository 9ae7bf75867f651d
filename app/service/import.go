package service

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"acedesk/app"
)

// ImportRow is what importing one spreadsheet row does, or would do.
type ImportRow struct {
	// Row is the row number the spreadsheet shows.
	Row      int    `json:"row"`
	Outcome  string `json:"outcome"`
	MemberID uint64 `json:"member_id"`
	Name     string `json:"name"`
	// Changes are the fields an update changes, in column order.
	Changes []string `json:"changes,omitempty"`
	// Contribution is, in a contributions file, what the row records (the
	// stored one once written, or the identical one already on record).
	Contribution *app.ContributionRow `json:"contribution,omitempty"`
	// Reason, Message, Params and Fields explain an error row as an *Error
	// would: Fields as Member.Validate gives them.
	Reason  string            `json:"reason,omitempty"`
	Message string            `json:"message,omitempty"`
	Params  map[string]string `json:"params,omitempty"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// ImportReport is the outcome of every row of a file, with the counts.
type ImportReport struct {
	File string `json:"file"`
	// Columns are the keys of the columns the file has.
	Columns   []string    `json:"columns"`
	Rows      []ImportRow `json:"rows"`
	New       int         `json:"new"`
	Updated   int         `json:"updated"`
	Unchanged int         `json:"unchanged"`
	Errors    int         `json:"errors"`
	// Applied is set once the rows are written; Backup is the copy of the
	// database taken just before ("" when nothing needed writing).
	Applied bool   `json:"applied"`
	Backup  string `json:"backup,omitempty"`
}

// importWrite is a record to store for the report row at index row.
type importWrite[T any] struct {
	row  int
	item T
}

// applyImport writes a planned import all or nothing: if any row is an
// error, nothing is written and the error says how many; else the writes
// (if any) go to write in one call, record copies each stored item into
// its row, and the report is marked applied.
func applyImport[T any](settings *SettingsService, report *ImportReport, writes []importWrite[T],
	write func([]T, app.Change) ([]T, string, error), record func(*ImportRow, T)) error {
	if report.Errors > 0 {
		return app.Errorf(app.CodeInvalid, "import_has_errors", "%s: %d of %d rows have errors, nothing was imported",
			report.File, report.Errors, len(report.Rows)).
			WithParams("file", report.File, "errors", strconv.Itoa(report.Errors), "rows", strconv.Itoa(len(report.Rows)))
	}
	if len(writes) > 0 {
		c, err := settings.change()
		if err != nil {
			return err
		}
		items := make([]T, len(writes))
		for i, w := range writes {
			items[i] = w.item
		}
		stored, backup, err := write(items, c)
		if err != nil {
			return err
		}
		for i, w := range writes {
			record(&report.Rows[w.row], stored[i])
		}
		report.Backup = backup
	}
	report.Applied = true
	return nil
}

// add appends a row and counts its outcome.
func (r *ImportReport) add(row ImportRow) {
	switch row.Outcome {
	case ImportNew:
		r.New++
	case ImportUpdated:
		r.Updated++
	case ImportUnchanged:
		r.Unchanged++
	case ImportError:
		r.Errors++
	}
	r.Rows = append(r.Rows, row)
}

// importFileError explains in the app's terms why a file is not a table.
func importFileError(file string, err error) error {
	var e *app.TableError
	if !errors.As(err, &e) {
		return err
	}
	out := app.Errorf(app.CodeInvalid, "import_"+string(e.Problem), "%s: %v", file, e).WithParams("file", file)
	if len(e.Columns) > 0 {
		out.WithParams("columns", strings.Join(e.Columns, ", "))
	}
	if e.Row > 0 {
		out.WithParams("row", strconv.Itoa(e.Row))
	}
	if e.Problem == app.TableTooLarge {
		out.WithParams("max_mb", strconv.Itoa(app.MaxTableBytes>>20), "max_rows", strconv.Itoa(app.MaxTableRows))
	}
	return out
}

func (r ImportRow) failed(e *app.Error) ImportRow {
	r.Outcome, r.Reason, r.Message, r.Params, r.Fields = ImportError, e.Reason, fmt.Sprintf("row %d: %s", r.Row, e.Message), e.Params, e.Fields
	return r
}

// Outcomes of one imported row.
const (
	ImportNew       = "new"
	ImportUpdated   = "updated"
	ImportUnchanged = "unchanged"
	ImportError     = "error"
)
