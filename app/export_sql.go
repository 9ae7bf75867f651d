package app

import (
	"context"
	"io"

	"acedesk/app/exchange"
)

// sqlExport is a psql script that loads the tables into PostgreSQL.
var sqlExport = exportFormat{ext: "sql", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress Progress) error {
	source, err := s.Source()
	if err != nil {
		return err
	}
	return writeTables(ctx, s, opt, progress, func(tables []exchange.Data) error {
		return exchange.WriteSQL(w, source, tables, s.clock.Now())
	})
}}
