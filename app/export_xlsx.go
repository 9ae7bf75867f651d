package app

import (
	"context"
	"io"

	"acedesk/app/exchange"
)

// xlsxExport is one workbook, a sheet per table, Chinese headers.
var xlsxExport = exportFormat{ext: "xlsx", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress Progress) error {
	return writeTables(ctx, s, opt, progress, func(tables []exchange.Data) error {
		sheets := make([]exchange.Sheet, len(tables))
		for i, d := range tables {
			sheets[i] = d.Sheet()
		}
		return exchange.WriteXLSX(w, sheets)
	})
}}
