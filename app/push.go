package app

import "context"

// Pusher loads the chapter's tables straight into PostgreSQL (app/pgpush),
// so that schema PGSchema mirrors this database: the same result as the
// SQL script of Spreadsheets.WriteSQL.
type Pusher interface {
	// Push loads tables into the database at dsn in one transaction;
	// password, when not empty, overrides the DSN's. source names this
	// database (its chapter key's fingerprint): a schema another database
	// loaded is refused (pg_other_source). Other failures say which step
	// failed (pg_dsn_invalid, pg_connect_failed, pg_load_failed); no error
	// holds the password.
	Push(ctx context.Context, dsn, password, source string, tables []DataTable, progress Progress) (PushSummary, error)
}

// PGSchema is the PostgreSQL schema ACE Desk loads into.
const PGSchema = "acedesk"

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
