package service

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"acedesk/app"
)

// ExportService makes export files in the background for the UI.
type ExportService struct {
	pusher   app.Pusher
	exporter *Exporter
	jobs     *Jobs
}

// Start writes an export in the background and returns the job to poll.
func (s *ExportService) Start(opt ExportOptions) (string, error) {
	e := s.exporter
	f, opt, err := e.format(opt)
	if err != nil {
		return "", err
	}
	return s.jobs.Start("export", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		var buf bytes.Buffer
		err := f.write(ctx, e, ctxWriter{ctx, &buf}, opt, progress)
		return e.FileName(opt), buf.Bytes(), err
	}), nil
}

// PushTarget is where the UI loads the chapter's tables: a DSN without
// the password, and the password typed separately so it never sits in a
// text field anyone can read over a shoulder. Year chooses the standings.
type PushTarget struct {
	DSN      string `json:"dsn"`
	Password string `json:"password"`
	Year     int    `json:"year"`
}

// StartPush loads the tables into PostgreSQL in the background, in one
// transaction that a cancel rolls back, and returns the job to poll. The
// schema then mirrors this database; a schema another database loaded is
// refused (pg_other_source) and left as it was.
func (s *ExportService) StartPush(in PushTarget) (string, error) {
	if strings.TrimSpace(in.DSN) == "" {
		return "", &app.Error{Code: app.CodeInvalid, Reason: "validation", Message: "the PostgreSQL connection is required",
			Fields: map[string]string{"dsn": "required"}}
	}
	year, err := s.exporter.year(in.Year)
	if err != nil {
		return "", err
	}
	return s.jobs.Start("postgresql load", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		sum, err := s.push(ctx, strings.TrimSpace(in.DSN), in.Password, year, progress)
		if err != nil {
			return "", nil, err
		}
		data, err := json.Marshal(sum)
		return "", data, err
	}), nil
}

// Push loads the tables with the standings of year (0: this year) into
// the PostgreSQL database at dsn, for the command line, which has no
// separate password: libpq's PGPASSWORD and ~/.pgpass serve.
func Push(ctx context.Context, s *ExportService, dsn string, year int) (app.PushSummary, error) {
	year, err := s.exporter.year(year)
	if err != nil {
		return app.PushSummary{}, err
	}
	return s.push(ctx, dsn, "", year, nil)
}

func (s *ExportService) push(ctx context.Context, dsn, password string, year int, progress app.Progress) (app.PushSummary, error) {
	source, err := s.exporter.Source()
	if err != nil {
		return app.PushSummary{}, err
	}
	tables, err := s.exporter.Tables(year)
	if err != nil {
		return app.PushSummary{}, err
	}
	return s.pusher.Push(ctx, dsn, password, source, tables, progress)
}

// PushResult is the summary of a finished StartPush.
func (s *ExportService) PushResult(id string) (app.PushSummary, error) {
	_, data, err := s.jobs.Result(id)
	if err != nil {
		return app.PushSummary{}, err
	}
	var sum app.PushSummary
	return sum, json.Unmarshal(data, &sum)
}
