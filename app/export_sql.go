package app

import (
	"context"
	"io"

	"acedesk/app/exchange"
)

// sqlExport is a psql script that loads the tables into PostgreSQL.
var sqlExport = exportFormat{ext: "sql", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress Progress) error {
	return writeTables(ctx, s, opt, progress, func(tables []exchange.Data) error {
		return exchange.WriteSQL(w, tables, s.clock.Now())
	})
}}
