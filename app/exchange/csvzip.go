package exchange

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"time"

	"acedesk/app"
)

// bom makes Excel and WPS read a CSV file as UTF-8 rather than the
// system's code page (GBK on Chinese Windows).
const bom = "\uFEFF"

// WriteCSVZip writes each table as NAME.csv (UTF-8 with a BOM, a Chinese
// header row, text neutralized) into one zip. One file rather than a
// folder: the save dialog and --out name one file, a half-written export
// is one file to delete, and the tables travel together. File names are
// ASCII because some unzip tools mangle non-ASCII names.
func WriteCSVZip(w io.Writer, tables []app.DataTable, modified time.Time) error {
	z := zip.NewWriter(w)
	for _, d := range tables {
		f, err := z.CreateHeader(&zip.FileHeader{Name: d.Name + ".csv", Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if err := writeCSV(f, d.Sheet()); err != nil {
			return err
		}
	}
	return z.Close()
}

func writeCSV(w io.Writer, sh app.Sheet) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	// CRLF: what Excel writes, and what old Windows tools expect.
	cw.UseCRLF = true
	if err := cw.Write(sh.Header); err != nil {
		return err
	}
	row := make([]string, len(sh.Header))
	for _, r := range sh.Rows {
		for i, v := range r {
			row[i] = Neutralize(v)
			if numberAt(sh.Numeric, i, v) {
				row[i] = v
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
