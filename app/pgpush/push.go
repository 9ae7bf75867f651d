// Package pgpush loads exported tables straight into PostgreSQL with pgx:
// the same schema, upserts and deletes as the SQL script, with the rows
// sent by COPY into staging tables, all in one transaction.
package pgpush

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"acedesk/app"
	"acedesk/app/exchange"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Target is where a DSN points, without its password, to tell the user.
type Target struct {
	Host     string
	Port     uint16
	Database string
	User     string
}

func (t Target) String() string {
	return fmt.Sprintf("%s@%s:%d/%s", t.User, t.Host, t.Port, t.Database)
}

// Loaded counts the rows sent per table, the rows its upsert inserted or
// changed, and the rows deleted because ACE Desk no longer has them.
type Loaded struct {
	Table   string
	Rows    int
	Changed int64
	Deleted int64
}

// Failing steps, for the UI to say what went wrong.
const (
	StepDSN     = "dsn"
	StepConnect = "connect"
	StepLoad    = "load"
	// StepSource: the schema holds another ACE Desk database's data.
	StepSource = "source"
)

// Error is a failed push: the step, and the driver's message with the
// password taken out. Its text is safe to show and log.
type Error struct {
	Step string
	// Loaded is, at StepSource, the source of the data already there.
	Loaded   string
	msg      string
	canceled bool
}

func (e *Error) Error() string { return e.msg }

// Is keeps cancellation recognisable without unwrapping to the driver's
// error, whose text may hold the password.
func (e *Error) Is(target error) bool { return e.canceled && target == context.Canceled }

// Push loads tables (members first: the others refer to them) of the ACE
// Desk database source into the database at dsn, in one transaction:
// create what is missing and claim the schema for source (see
// exchange.PGCreate), COPY each table into a staging table and upsert it,
// then delete the rows not sent. password, when not empty, overrides the
// DSN's. progress gets tables done of total. Errors are *Error, and never
// contain a password.
func Push(ctx context.Context, dsn, password, source string, tables []app.DataTable, progress func(done, total int)) (Target, []Loaded, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return Target{}, nil, failed(StepDSN, err, dsn, password)
	}
	if password != "" {
		cfg.Password = password
	}
	target := Target{Host: cfg.Host, Port: cfg.Port, Database: cfg.Database, User: cfg.User}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return target, nil, failed(StepConnect, err, dsn, password)
	}
	defer conn.Close(context.Background())
	loaded, err := push(ctx, conn, source, tables, progress)
	if err != nil {
		return target, nil, failed(StepLoad, err, dsn, password)
	}
	return target, loaded, nil
}

func push(ctx context.Context, conn *pgx.Conn, source string, tables []app.DataTable, progress func(done, total int)) ([]Loaded, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	// Rollback after Commit does nothing; on any error it undoes the load.
	defer tx.Rollback(context.Background())
	for _, stmt := range exchange.PGCreate(source, tables) {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return nil, fmt.Errorf("%s: %w", firstLine(stmt), err)
		}
	}
	var out []Loaded
	progress(0, len(tables))
	for i, d := range tables {
		if _, err := tx.Exec(ctx, exchange.PGStage(d)); err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{exchange.PGStageName(d)}, exchange.PGColumns(d), pgx.CopyFromSlice(len(d.Rows), func(r int) ([]any, error) {
			return pgValues(d.Rows[r]), nil
		})); err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		tag, err := tx.Exec(ctx, exchange.PGUpsert(d))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		out = append(out, Loaded{Table: d.Name, Rows: len(d.Rows), Changed: tag.RowsAffected()})
		progress(i+1, len(tables))
	}
	for i := len(out) - 1; i >= 0; i-- {
		tag, err := tx.Exec(ctx, exchange.PGDelete(tables[i]))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", tables[i].Name, err)
		}
		out[i].Deleted = tag.RowsAffected()
	}
	return out, tx.Commit(ctx)
}

// pgValues is a row as pgx encodes it: text cleaned as every format
// cleans it, a zero time as NULL.
func pgValues(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		switch x := v.(type) {
		case string:
			out[i] = app.CleanText(x)
		case time.Time:
			if !x.IsZero() {
				out[i] = x
			}
		default:
			out[i] = v
		}
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

var (
	keywordPassword = regexp.MustCompile(`password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)
	urlPassword     = regexp.MustCompile(`://[^:/@]*:([^@]*)@`)
)

// failed wraps err for step, taking the password out of its text whatever
// quoted it: the drivers are careful, but an error message is shown and
// logged.
func failed(step string, err error, dsn, password string) error {
	msg := err.Error()
	for _, pw := range append(passwords(dsn), password) {
		if pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	e := &Error{Step: step, msg: msg, canceled: errors.Is(err, context.Canceled)}
	// PostgreSQL's own words, without the statement that raised them.
	if pg := (*pgconn.PgError)(nil); errors.As(err, &pg) && pg.Code == exchange.PGOtherSource {
		e.Step, e.Loaded, e.msg = StepSource, pg.Detail, pg.Message+". "+pg.Hint
	}
	return e
}

// passwords are the spellings of the DSN's password that could appear in
// a message: as written (URL-escaped or quoted) and decoded.
func passwords(dsn string) []string {
	var out []string
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok {
			out = append(out, pw, url.QueryEscape(pw), url.PathEscape(pw))
		}
		out = append(out, u.Query().Get("password"))
	}
	for _, m := range keywordPassword.FindAllStringSubmatch(dsn, -1) {
		out = append(out, m[1], strings.Trim(m[1], "'"))
	}
	for _, m := range urlPassword.FindAllStringSubmatch(dsn, -1) {
		out = append(out, m[1])
	}
	if cfg, err := pgx.ParseConfig(dsn); err == nil {
		out = append(out, cfg.Password)
	}
	return out
}
