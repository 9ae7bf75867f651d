package app

import (
	"context"
	"io"

	"acedesk/app/exchange"
)

// csvExport is a zip of one CSV file per table (UTF-8 with a BOM).
var csvExport = exportFormat{ext: "zip", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress Progress) error {
	return writeTables(ctx, s, opt, progress, func(tables []exchange.Data) error {
		return exchange.WriteCSVZip(w, tables, s.clock.Now())
	})
}}
