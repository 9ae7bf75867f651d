package exchange

import (
	"archive/zip"
	"bytes"
	"errors"

	"acedesk/app"

	"github.com/xuri/excelize/v2"
)

// maxUnzipped bounds the unpacked workbook: a 20 MB file of real data
// unpacks to far less, a zip bomb to far more. With the limits of
// checkWorkbook it keeps an import under 512 MB of memory.
const maxUnzipped = 256 << 20

func readXLSX(data []byte, b *builder) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return unreadable(err)
	}
	var size uint64
	for _, f := range z.File {
		size += f.UncompressedSize64
		if size > maxUnzipped {
			return &app.TableError{Problem: app.TableTooLarge}
		}
	}
	if err := checkWorkbook(z); err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipped,
		// Cells are read as displayed, except that the short date format
		// shows as 2026-03-05 rather than the US 03-05-26, and the built-in
		// CJK date formats as on Chinese Excel and WPS (2026年3月5日).
		ShortDatePattern: "yyyy-mm-dd",
		CultureInfo:      excelize.CultureNameZhCN,
	})
	if err != nil {
		return unreadable(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return unreadable(errors.New("the workbook has no sheet"))
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return unreadable(err)
	}
	defer rows.Close()
	// The iterator also yields the rows missing between stored rows, so
	// counting them gives the spreadsheet's row numbers. It would count on
	// to any row number a broken file claims.
	for n := 1; rows.Next(); n++ {
		if n > excelize.TotalRows {
			return unreadable(errors.New("row number beyond the last row of a sheet"))
		}
		cells, err := rows.Columns()
		if err != nil {
			return unreadable(err)
		}
		if err := b.add(n, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return unreadable(err)
	}
	return nil
}
