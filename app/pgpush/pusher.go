package pgpush

import (
	"context"
	"errors"

	"acedesk/app"
)

// Pusher is app.Pusher.
type Pusher struct{}

// Push loads the tables and tells, on failure, which step failed.
func (Pusher) Push(ctx context.Context, dsn, password, source string, tables []app.DataTable, progress app.Progress) (app.PushSummary, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	target, loaded, err := Push(ctx, dsn, password, source, tables, progress)
	if err != nil {
		return app.PushSummary{}, pushError(target, source, err)
	}
	sum := app.PushSummary{Target: target.String()}
	for _, l := range loaded {
		sum.Tables = append(sum.Tables, app.PushedTable{Table: l.Table, Rows: l.Rows, Changed: l.Changed, Deleted: l.Deleted})
	}
	return sum, nil
}

// pushError tells the user which step failed: reading the DSN, reaching
// the server, claiming the schema for source, this database, or loading.
// The detail is the driver's text, already scrubbed of the password; it
// is PostgreSQL's word, shown as is.
func pushError(target Target, source string, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	var e *Error
	if errors.As(err, &e) && e.Step == StepSource {
		return app.Errorf(app.CodeConflict, "pg_other_source", "load into PostgreSQL %s: schema %s holds the data of another ACE Desk database (chapter key %s), not of this one (%s); nothing was changed. Load into another database, or DROP SCHEMA %[2]s CASCADE to load this one instead",
			target, app.PGSchema, e.Loaded, source).
			WithParams("target", target.String(), "schema", app.PGSchema, "loaded", e.Loaded, "source", source)
	}
	reasons := map[string]string{StepDSN: "pg_dsn_invalid", StepConnect: "pg_connect_failed"}
	reason := "pg_load_failed"
	if errors.As(err, &e) && reasons[e.Step] != "" {
		reason = reasons[e.Step]
	}
	return app.Errorf(app.CodeInvalid, reason, "load into PostgreSQL %s: %v", target, err).
		WithParams("target", target.String(), "detail", err.Error())
}
