package app

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"acedesk/app/exchange"
	"acedesk/app/pgpush"
)

// PushTarget is where the UI loads the chapter's tables: a DSN without
// the password, and the password typed separately so it never sits in a
// text field anyone can read over a shoulder. Year chooses the standings.
type PushTarget struct {
	DSN      string `json:"dsn"`
	Password string `json:"password"`
	Year     int    `json:"year"`
}

// PushedTable is one table's rows sent, rows the upsert inserted or
// changed, and rows deleted because ACE Desk no longer has them.
type PushedTable struct {
	Table   string `json:"table"`
	Rows    int    `json:"rows"`
	Changed int64  `json:"changed"`
	Deleted int64  `json:"deleted"`
}

// PushSummary is what a finished load reports, the target without its
// password.
type PushSummary struct {
	Target string        `json:"target"`
	Tables []PushedTable `json:"tables"`
}

// StartPush loads the tables into PostgreSQL in the background, in one
// transaction that a cancel rolls back, and returns the job to poll. The
// schema then mirrors this database; a schema another database loaded is
// refused (pg_other_source) and left as it was.
func (s *ExportService) StartPush(in PushTarget) (string, error) {
	if strings.TrimSpace(in.DSN) == "" {
		return "", &Error{Code: CodeInvalid, Reason: "validation", Message: "the PostgreSQL connection is required",
			Fields: map[string]string{"dsn": "required"}}
	}
	year, err := s.exporter.year(in.Year)
	if err != nil {
		return "", err
	}
	return s.jobs.Start(func(ctx context.Context, progress Progress) (string, []byte, error) {
		source, err := s.exporter.Source()
		if err != nil {
			return "", nil, err
		}
		tables, err := s.exporter.Tables(year)
		if err != nil {
			return "", nil, err
		}
		target, loaded, err := pgpush.Push(ctx, strings.TrimSpace(in.DSN), in.Password, source, tables, progress)
		if err != nil {
			return "", nil, pushError(target, source, err)
		}
		sum := PushSummary{Target: target.String()}
		for _, l := range loaded {
			sum.Tables = append(sum.Tables, PushedTable{Table: l.Table, Rows: l.Rows, Changed: l.Changed, Deleted: l.Deleted})
		}
		data, err := json.Marshal(sum)
		return "", data, err
	}), nil
}

// PushResult is the summary of a finished StartPush.
func (s *ExportService) PushResult(id string) (PushSummary, error) {
	_, data, err := s.jobs.Result(id)
	if err != nil {
		return PushSummary{}, err
	}
	var sum PushSummary
	return sum, json.Unmarshal(data, &sum)
}

// pushError tells the user which step failed: reading the DSN, reaching
// the server, claiming the schema for source, this database, or loading.
// The detail is the driver's text, already scrubbed of the password; it
// is PostgreSQL's word, shown as is.
func pushError(target pgpush.Target, source string, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	var e *pgpush.Error
	if errors.As(err, &e) && e.Step == pgpush.StepSource {
		return Errorf(CodeConflict, "pg_other_source", "load into PostgreSQL %s: schema %s holds the data of another ACE Desk database (chapter key %s), not of this one (%s); nothing was changed",
			target, exchange.PGSchema, e.Loaded, source).
			WithParams("target", target.String(), "schema", exchange.PGSchema, "loaded", e.Loaded, "source", source)
	}
	reasons := map[string]string{pgpush.StepDSN: "pg_dsn_invalid", pgpush.StepConnect: "pg_connect_failed"}
	reason := "pg_load_failed"
	if errors.As(err, &e) && reasons[e.Step] != "" {
		reason = reasons[e.Step]
	}
	return Errorf(CodeInvalid, reason, "load into PostgreSQL %s: %v", target, err).
		WithParams("target", target.String(), "detail", err.Error())
}
